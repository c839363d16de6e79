import type { CarTelemetry, RaceRecord } from "@/lib/f1/records";
import type { TimedRecord } from "@/lib/f1/state/timeline";
import type { FeedMessage } from "./message";
import { FeedTranslator, type TranslatorOptions } from "./translate";

/** A run of feed messages as F1 records. */
export interface FeedRun {
  /** Every record in the order the feed made it known, dated at its message: replays the session as it went. */
  timeline: TimedRecord[];
  /**
   * The same records with only the last version of what the feed sent bit by bit (a lap, a stint, a driver's names):
   * what the pipeline stores and RaceReplay builds from.
   */
  records: RaceRecord[];
  telemetry: CarTelemetry[];
  malformed: number;
  issues: string[];
}

/** One key per thing that is sent again as it fills in; records without one are each kept. */
function versionKey(record: RaceRecord): string | null {
  switch (record.kind) {
    case "session":
      return "session";
    case "driver":
      return `driver/${record.driverNumber}`;
    case "grid":
      return `grid/${record.driverNumber}`;
    case "lap":
      return `lap/${record.driverNumber}/${record.lapNumber}`;
    case "stint":
      return `stint/${record.driverNumber}/${record.stintNumber}`;
    case "pit":
      return `pit/${record.driverNumber}/${record.lapNumber}`;
    default:
      return null;
  }
}

/** Translates messages already in order (see archiveMessages, or a recording). */
export function translateMessages(messages: Iterable<FeedMessage>, options: TranslatorOptions = {}): FeedRun {
  const translator = new FeedTranslator(options);
  const timeline: TimedRecord[] = [];
  const telemetry: CarTelemetry[] = [];
  for (const message of messages) {
    const out = translator.apply(message);
    for (const record of out.records) timeline.push({ at: message.at, record });
    telemetry.push(...out.telemetry);
  }
  const latest = new Map<string, number>();
  timeline.forEach(({ record }, index) => {
    const key = versionKey(record);
    if (key !== null) latest.set(key, index);
  });
  const records = timeline.filter(({ record }, index) => {
    const key = versionKey(record);
    return key === null || latest.get(key) === index;
  });
  return { timeline, records: records.map(({ record }) => record), telemetry, malformed: translator.malformed, issues: translator.issues };
}
