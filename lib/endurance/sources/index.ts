export { alkamelAnalysisSource, parseAnalysis, type AnalysisCursor, type AnalysisSource } from "./analysis";
export { flagsAnalysisSource, type FlagsAnalysisSource, type FlagsCursor } from "./flags-analysis";
export { imsaLiveSource, type ImsaLiveSource, type LiveCursor } from "./imsa-live";
export { imsaResultsSource, type ImsaResultsSource, type ResultsCursor } from "./imsa-results";
export type { EnduranceSource, ReadOptions, SourceBatch, SourceKind } from "./source";
export { SourceFormatError } from "./text";
