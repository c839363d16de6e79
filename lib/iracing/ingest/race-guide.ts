import { sql, type Sql } from "@/lib/db";
import type { RaceGuideSession } from "../records";
import { upsert, type TableSpec, type WriteCounts } from "./upsert";

const RACE_GUIDE: TableSpec = {
  table: "iracing_race_guide",
  key: ["season_id", "starts_at"],
  touch: "updated_at",
  columns: { season_id: "int", starts_at: "timestamptz", series_id: "int", race_week_num: "smallint", session_id: "int", entry_count: "int", super_session: "boolean" },
};

/** Entry counts of past sessions are kept this long (the season page shows recent ones too). */
const KEEP_HOURS = 24;

/** Stores the race guide's sessions (entry counts change as drivers register) and forgets sessions a day old. */
export async function storeRaceGuide(sessions: readonly RaceGuideSession[]): Promise<WriteCounts & { forgotten: number }> {
  const rows = sessions.map((session) => ({
    season_id: session.seasonId,
    starts_at: session.startsAt.toISOString(),
    series_id: session.seriesId,
    race_week_num: session.raceWeekNum,
    session_id: session.sessionId,
    entry_count: session.entryCount,
    super_session: session.superSession,
  }));
  return sql().begin(async (transaction) => {
    const tx = transaction as unknown as Sql;
    const counts = await upsert(tx, RACE_GUIDE, rows);
    const forgotten = await tx`delete from iracing_race_guide where starts_at < now() - make_interval(hours => ${KEEP_HOURS})`;
    return { ...counts, forgotten: forgotten.count };
  });
}
