import { storeSessions } from "@/lib/f1/store";
import { archiveAbsent, fetchSeason, livetimingArchiveClient } from "./archive";
import { f1Env } from "@/lib/f1/env";

/** The archive's first season. */
export const FIRST_ARCHIVED_YEAR = 2018;

export interface SeasonImport {
  year: number;
  /** Sessions listed (and stored), null when the archive has no index for the year. */
  sessions: number | null;
  /** Sessions of the index that could not be read: skipped. */
  malformed: number;
}

/**
 * Lists a season's sessions from the archive's index and stores them with their archive folders, so any of them can
 * be replayed without an account. A year without an index (not started, or not in this archive) is no error.
 */
export async function importSeason(year: number, signal?: AbortSignal): Promise<SeasonImport> {
  const client = livetimingArchiveClient(f1Env().F1_LIVETIMING_BASE_URL);
  try {
    const schedule = await fetchSeason(client, year, signal);
    const archived = schedule.sessions.filter((entry) => entry.path !== null);
    const paths = new Map(archived.map((entry) => [entry.session.sessionKey, entry.path as string]));
    await storeSessions(
      archived.map((entry) => entry.session),
      "livetiming",
      paths,
    );
    return { year, sessions: archived.length, malformed: schedule.malformed };
  } catch (error) {
    if (archiveAbsent(error)) return { year, sessions: null, malformed: 0 };
    throw error;
  }
}
