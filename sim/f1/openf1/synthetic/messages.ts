import { openf1Date, type Row } from "../rows";
import type { RaceModel } from "./race";
import type { SessionKeys } from "./timing";

interface Message {
  at: number;
  category: string;
  message: string;
  flag?: string;
  scope?: string;
  sector?: number;
  driverNumber?: number;
}

const TRACK_LIMIT_DELETIONS = 5;
// Two laps of green running before DRS comes back.
const DRS_AFTER_MS = 180_000;
const LOCAL_OFFSET_MS = 4 * 3_600_000;

const lapText = (ms: number) => {
  const minutes = Math.floor(ms / 60_000);
  return `${minutes}:${((ms - minutes * 60_000) / 1000).toFixed(3).padStart(6, "0")}`;
};
const localClock = (at: number) => new Date(at + LOCAL_OFFSET_MS).toISOString().slice(11, 19);

/** OpenF1 `race_control` rows for the synthetic race, worded as race control words them. */
export function raceControlRows(model: RaceModel, keys: SessionKeys, sessionStart: number, random: () => number): Row[] {
  const messages: Message[] = [
    { at: sessionStart + 10_000, category: "Other", message: "RISK OF RAIN FOR F1 RACE IS 0%" },
    { at: model.lightsOut - 2_000, category: "Flag", flag: "GREEN", scope: "Track", message: "GREEN LIGHT - PIT EXIT OPEN" },
    { at: model.chequeredAt, category: "Flag", flag: "CHEQUERED", scope: "Track", message: "CHEQUERED FLAG" },
  ];
  const leaderLapStart = (lapNumber: number) =>
    Math.min(...model.cars.flatMap((car) => car.laps.filter((lap) => lap.lapNumber === lapNumber).map((lap) => lap.start)));
  messages.push({ at: leaderLapStart(3), category: "Drs", message: "DRS ENABLED" });

  const stopped = model.cars.find((car) => car.retired !== null);
  for (const period of model.neutralisations) {
    const sector = 1 + Math.floor(random() * 20);
    messages.push(
      { at: period.from - 8_000, category: "Flag", flag: "DOUBLE YELLOW", scope: "Sector", sector, message: `DOUBLE YELLOW IN TRACK SECTOR ${sector}` },
      { at: period.from + 1_000, category: "Drs", message: "DRS DISABLED" },
      { at: period.to - 3_000, category: "Flag", flag: "CLEAR", scope: "Sector", sector, message: `CLEAR IN TRACK SECTOR ${sector}` },
      { at: period.to, category: "Flag", flag: "CLEAR", scope: "Track", message: "TRACK CLEAR" },
      { at: period.to + DRS_AFTER_MS, category: "Drs", message: "DRS ENABLED" },
    );
    if (period.virtual) {
      messages.push(
        { at: period.from, category: "SafetyCar", message: "VIRTUAL SAFETY CAR DEPLOYED" },
        { at: period.endingAt, category: "SafetyCar", message: "VIRTUAL SAFETY CAR ENDING" },
      );
    } else {
      if (stopped?.retired) {
        const { driverNumber, acronym } = stopped.entrant;
        messages.push({ at: stopped.retired.at + 3_000, category: "Other", driverNumber, message: `CAR ${driverNumber} (${acronym}) STOPPED ON TRACK` });
      }
      messages.push(
        { at: period.from, category: "SafetyCar", message: "SAFETY CAR DEPLOYED" },
        { at: period.from + 40_000, category: "Other", message: "LAPPED CARS WILL NOT BE ALLOWED TO OVERTAKE" },
        { at: period.endingAt, category: "SafetyCar", message: "SAFETY CAR IN THIS LAP" },
      );
    }
  }

  // A few laps struck off for track limits, announced a minute or two later.
  const candidates = model.cars.flatMap((car) =>
    car.laps
      .filter((lap) => lap.lapNumber >= 3 && lap.end !== null && lap.end + 120_000 < model.chequeredAt && !model.neutralisations.some((p) => lap.start < p.to && (lap.end as number) > p.from))
      .map((lap) => ({ car, lap })),
  );
  for (let i = 0; i < TRACK_LIMIT_DELETIONS && candidates.length > 0; i += 1) {
    const [pick] = candidates.splice(Math.floor(random() * candidates.length), 1);
    if (!pick || pick.lap.end === null) continue;
    const { driverNumber, acronym } = pick.car.entrant;
    const turn = [1, 4, 6, 9][Math.floor(random() * 4)];
    messages.push({
      at: pick.lap.end + 60_000 + random() * 60_000,
      category: "Other",
      message: `CAR ${driverNumber} (${acronym}) TIME ${lapText(pick.lap.end - pick.lap.start)} DELETED - TRACK LIMITS AT TURN ${turn} LAP ${pick.lap.lapNumber} ${localClock(pick.lap.end)}`,
    });
  }

  const lapStarts = model.cars.flatMap((car) => car.laps.map((lap) => ({ lapNumber: lap.lapNumber, start: lap.start })));
  const leaderLap = (at: number) => Math.max(1, ...lapStarts.filter((lap) => lap.start <= at).map((lap) => lap.lapNumber));
  return messages
    .sort((a, b) => a.at - b.at)
    .map((message) => ({
      meeting_key: keys.meeting_key,
      session_key: keys.session_key,
      date: openf1Date(Math.floor(message.at / 1000) * 1000, false),
      driver_number: message.driverNumber ?? null,
      lap_number: leaderLap(message.at),
      category: message.category,
      flag: message.flag ?? null,
      scope: message.scope ?? null,
      sector: message.sector ?? null,
      message: message.message,
      qualifying_phase: null,
    }));
}
