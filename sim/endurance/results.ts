import { formatRaceTime } from "./clock-text";
import { lastRow, orderAt, type LiveSession } from "./live-scoring";
import type { RaceFile } from "./race-file";

/**
 * The IMSA `03_Results_Race.JSON` of a finished replay: session header and the classification. A car that
 * did not take the chequered flag (its last lap is before the leader's flag) is not finished.
 */
export function resultsDocument(file: RaceFile, session: LiveSession, scheduledMs: number): Record<string, unknown> {
  const order = orderAt(file, file.endMs);
  const leader = order[0];
  const chequeredMs = leader ? flagFall(leader.rows.map((row) => row.elapsedMs), scheduledMs) : file.endMs;
  const classCount = new Map<string, number>();
  const classification = order.map((state, i) => {
    const last = lastRow(state);
    const classPosition = (classCount.get(last.carClass) ?? 0) + 1;
    classCount.set(last.carClass, classPosition);
    const finished = last.elapsedMs >= chequeredMs;
    const best = state.rows.reduce((fastest, row) => ((row.lapTimeMs ?? Infinity) < (fastest.lapTimeMs ?? Infinity) ? row : fastest), last);
    const drivers = [...new Set(state.rows.map((row) => row.driver).filter(Boolean))];
    return {
      position: i + 1,
      class_position: classPosition,
      number: state.car,
      class: last.carClass,
      team: last.team,
      vehicle: last.manufacturer,
      manufacturer: last.manufacturer,
      laps: last.lap,
      time: formatRaceTime(last.elapsedMs),
      status: finished ? "Classified" : "Retired",
      not_finished: !finished,
      best_lap_time: best.lapTimeMs === null ? "" : formatRaceTime(best.lapTimeMs),
      drivers: drivers.map((name, seat) => ({ number: seat + 1, ...splitName(name), license: "" })),
    };
  });
  return {
    session: {
      championship_name: session.name,
      event_name: session.event,
      session_name: "Race",
      circuit: { name: session.track },
      finalize_type: { type: "time", time_in_seconds: Math.round(scheduledMs / 1000) },
    },
    classification,
  };
}

/** The first crossing at or after the scheduled end: when the chequered flag fell. */
function flagFall(crossings: number[], scheduledMs: number): number {
  return crossings.find((elapsed) => elapsed >= scheduledMs) ?? Math.max(...crossings);
}

/** "Patrick PILET" -> Patrick / PILET (WEC writes surnames in capitals); "Jordan Taylor" -> Jordan / Taylor. */
function splitName(name: string): { firstname: string; surname: string } {
  const words = name.split(/\s+/);
  let split = words.length;
  while (split > 1 && /^[^a-z]+$/.test(words[split - 1] ?? "")) split -= 1;
  if (split === words.length) split = words.length - 1;
  return { firstname: words.slice(0, split).join(" "), surname: words.slice(split).join(" ") };
}
