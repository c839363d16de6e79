import { z } from "zod";
import { flagFromCode } from "../flags";
import type { LapRecord } from "../records";
import { parseDuration, parseTimeOfDay } from "../timing";
import { countOf, textOf } from "./fields";
import { SourceFormatError } from "./text";

// IMSA publishes time cards as JSON too (`23_Time Cards_*.JSON`, from 2024): participants with their drivers
// and laps. Field names as a consumer of those files types them; pit and flag fields are read when present.
const scalar = z.union([z.string(), z.number(), z.boolean(), z.null()]).optional();
const sectorSchema = z.looseObject({ index: scalar, time: scalar });
const lapSchema = z.looseObject({
  number: scalar,
  driver_number: scalar,
  time: scalar,
  top_speed_kph: scalar,
  average_speed_kph: scalar,
  session_elapsed: scalar,
  hour: scalar,
  crossing_pit_finish_lane: scalar,
  pit_time: scalar,
  flag: scalar,
  sector_times: z.array(sectorSchema).nullish(),
});
const participantSchema = z.looseObject({
  number: scalar,
  team: scalar,
  class: scalar,
  group: scalar,
  vehicle: scalar,
  manufacturer: scalar,
  drivers: z.array(z.looseObject({ number: scalar, firstname: scalar, surname: scalar })).nullish(),
  laps: z.array(z.unknown()).nullish(),
});
const documentSchema = z.looseObject({ participants: z.array(z.unknown()) });

type Lap = z.infer<typeof lapSchema>;
type Participant = z.infer<typeof participantSchema>;

/**
 * Laps of a time-cards JSON document, or why an entry cannot be one. Entries are numbered in document order,
 * participant by participant (a participant that cannot be read counts as one entry).
 */
export function readTimeCardsJson(value: unknown): { line: number; lap: LapRecord | string }[] {
  const document = documentSchema.safeParse(value);
  if (!document.success) throw new SourceFormatError("not a time-cards document: no participants array");
  const entries: { line: number; lap: LapRecord | string }[] = [];
  for (const raw of document.data.participants) {
    const participant = participantSchema.safeParse(raw);
    const car = participant.success ? textOf(participant.data.number) : null;
    if (!participant.success || car === null) {
      entries.push({ line: entries.length + 1, lap: participant.success ? "participant without a number" : issues(participant.error) });
      continue;
    }
    for (const rawLap of participant.data.laps ?? []) {
      const lap = lapSchema.safeParse(rawLap);
      const record = lap.success ? toLap(participant.data, lap.data) : issues(lap.error);
      entries.push({ line: entries.length + 1, lap: typeof record === "string" ? `car ${car}: ${record}` : record });
    }
  }
  return entries;
}

function toLap(participant: Participant, lap: Lap): LapRecord | string {
  const lapNumber = countOf(lap.number);
  if (lapNumber === null || lapNumber < 1) return `lap number ${JSON.stringify(lap.number)}`;
  const lapTimeMs = durationOf(lap.time);
  if (lapTimeMs === null || lapTimeMs <= 0) return `lap ${lapNumber}: no lap time`;
  const elapsedMs = durationOf(lap.session_elapsed);
  if (elapsedMs === null) return `lap ${lapNumber}: no session_elapsed`;
  const sector = (index: number) => durationOf(lap.sector_times?.find((s) => countOf(s.index) === index)?.time);
  const driverNumber = countOf(lap.driver_number);
  const driver = participant.drivers?.find((d) => countOf(d.number) === driverNumber);
  const flagCode = textOf(lap.flag);
  const pitTimeMs = durationOf(lap.pit_time);
  return {
    car: textOf(participant.number) ?? "",
    lap: lapNumber,
    driverNumber,
    driver: driver ? [textOf(driver.firstname), textOf(driver.surname)].filter(Boolean).join(" ") || null : null,
    lapTimeMs,
    sectorsMs: [sector(1), sector(2), sector(3)],
    kph: speedOf(lap.average_speed_kph),
    topSpeedKph: speedOf(lap.top_speed_kph),
    elapsedMs,
    timeOfDayMs: textOf(lap.hour) === null ? null : parseTimeOfDay(textOf(lap.hour) ?? ""),
    improvement: null,
    inLap: lap.crossing_pit_finish_lane === true || textOf(lap.crossing_pit_finish_lane)?.toUpperCase() === "B",
    outLap: pitTimeMs !== null,
    pitTimeMs,
    flag: flagCode === null ? null : flagFromCode(flagCode),
    flagCode,
    carClass: textOf(participant.class),
    group: textOf(participant.group),
    team: textOf(participant.team),
    manufacturer: textOf(participant.manufacturer) ?? textOf(participant.vehicle),
  };
}

function durationOf(value: unknown): number | null {
  const text = textOf(value);
  return text === null ? null : parseDuration(text);
}

function speedOf(value: unknown): number | null {
  const text = textOf(value);
  return text !== null && /^\d+(?:\.\d+)?$/.test(text) ? Number(text) : null;
}

function issues(error: z.ZodError): string {
  return error.issues.map((issue) => `${issue.path.join(".") || "(entry)"}: ${issue.message}`).join("; ");
}
