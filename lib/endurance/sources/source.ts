import type { ClassificationRecord, FlagPeriod, LapRecord, PitRecord, RejectedRow, SessionState, StandingRecord } from "../records";

export type SourceKind = "alkamel-analysis" | "alkamel-flags" | "imsa-live" | "imsa-results";

/** What one read of a body produced. Kinds a source does not carry stay empty. */
export interface SourceBatch<Cursor> {
  laps: LapRecord[];
  pits: PitRecord[];
  flags: FlagPeriod[];
  standings: StandingRecord[];
  classification: ClassificationRecord[];
  /** Live feeds only: the session header, or null when the body is an empty shell between sessions. */
  session: SessionState | null;
  /** Rows or entries left out, each with its line (or entry index) and why. Nothing of them is in the records. */
  rejected: RejectedRow[];
  /** Hand it back as `since` on the next read of the same source; plain JSON, safe to store. */
  cursor: Cursor;
}

export interface ReadOptions<Cursor> {
  /** The cursor of the previous read of this source; absent or null reads the body from the top. */
  since?: Cursor | null;
  /** Keys (`lapKey`) of laps already ingested: they are not returned again. */
  knownLaps?: ReadonlySet<string>;
  /** The body is final: a last line without a line break is a complete row, not one still being written. */
  complete?: boolean;
}

/**
 * One upstream document kind. `read` is pure: it turns a fetched body into typed records and never fetches,
 * stores or reads the clock, so the same body and options always give the same batch.
 */
export interface EnduranceSource<Cursor> {
  readonly kind: SourceKind;
  read(body: string | Uint8Array, options?: ReadOptions<Cursor>): SourceBatch<Cursor>;
}

export function emptyBatch<Cursor>(cursor: Cursor): SourceBatch<Cursor> {
  return { laps: [], pits: [], flags: [], standings: [], classification: [], session: null, rejected: [], cursor };
}
