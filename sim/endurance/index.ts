export { raceSpecSchema, type RaceSpec, type RaceSpecInput } from "./config";
export type { RaceReplay, ReplaySummary } from "./replay";
export type { ReplayStatus } from "./replay-clock";
export { syntheticRace, type SyntheticLayout, type SyntheticRaceOptions } from "./synthetic";
export { enduranceUpstream, type EnduranceUpstream, type EnduranceUpstreamOptions } from "./upstream";
