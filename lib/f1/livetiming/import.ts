import { sql } from "@/lib/db";
import { PermanentJobError } from "@/lib/jobs/job";
import type { CarTelemetry, RaceRecord } from "@/lib/f1/records";
import { archiveMessages, fetchSessionArchive, livetimingArchiveClient } from "./archive";
import { f1Env } from "@/lib/f1/env";
import { translateMessages } from "./feed-run";
import { ACCOUNT_TOPICS, missingTopics, type MissingTopics } from "./topics";

/** One archived session read whole: its records, what could not be read, and the account-only topics it lacks. */
export interface ImportedArchive {
  records: RaceRecord[];
  telemetry: CarTelemetry[];
  /** Broken lines and malformed parts: counted and skipped. */
  malformed: number;
  missing: MissingTopics | null;
}

/** Reads a session from the live-timing archive (its folder comes from the season index, see the archive-season sync). */
export async function importArchivedSession(sessionKey: number, signal?: AbortSignal): Promise<ImportedArchive> {
  const [session] = await sql()<{ archivePath: string | null }[]>`select archive_path as "archivePath" from f1_sessions where session_key = ${sessionKey}`;
  if (!session?.archivePath) throw new PermanentJobError(`session ${sessionKey} is not in the live-timing archive's index (run f1.archive-season first)`);
  const client = livetimingArchiveClient(f1Env().F1_LIVETIMING_BASE_URL);
  const archive = await fetchSessionArchive(client, session.archivePath, undefined, signal);
  const messages = archiveMessages(archive);
  const run = translateMessages(messages.messages, { sessionKey });
  // An archive that answers with nothing must not replace what is stored.
  if (!run.records.some((record) => record.kind === "lap" || record.kind === "position")) {
    throw new PermanentJobError(`the archive has no timing for session ${sessionKey} (${session.archivePath})`);
  }
  return {
    records: run.records,
    telemetry: run.telemetry,
    malformed: messages.broken + run.malformed,
    // In the archive nothing needs an account: a topic it lacks was never recorded.
    missing: missingTopics(ACCOUNT_TOPICS.filter((topic) => archive.absent.includes(topic)), true),
  };
}
