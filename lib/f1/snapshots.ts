import { sql } from "@/lib/db";
import type { LiveFeed } from "./feed";

/** The channel every app instance listens on: the payload is the new sequence. */
export const SNAPSHOT_CHANNEL = "f1_snapshot";
/** Snapshots kept per session behind the newest: the live endpoint only needs the newest, time travel reads records. */
const KEPT_PER_SESSION = 600;

/** Stores a snapshot with the next sequence (written into its body too) and tells every instance. */
export async function publishSnapshot(sessionKey: number | null, at: Date, body: Omit<LiveFeed, "sequence">): Promise<number> {
  const [row] = await sql()<{ sequence: number }[]>`
    with next as (select nextval(pg_get_serial_sequence('f1_snapshots', 'sequence')) as s)
    insert into f1_snapshots (sequence, session_key, at, body) overriding system value
    select s, ${sessionKey ?? 0}, ${at.toISOString()}::timestamptz, ${JSON.stringify(body)}::jsonb || jsonb_build_object('sequence', s) from next
    returning sequence::int as sequence`;
  const sequence = row?.sequence ?? 0;
  await sql()`select pg_notify(${SNAPSHOT_CHANNEL}, ${String(sequence)})`;
  if (sequence % 100 === 0) {
    await sql()`delete from f1_snapshots where session_key = ${sessionKey ?? 0} and sequence < ${sequence - KEPT_PER_SESSION}`;
  }
  return sequence;
}

/** The newest snapshot's body as stored text, ready to send, or null before the first. */
export async function latestSnapshotText(): Promise<{ sequence: number; body: string } | null> {
  const [row] = await sql()<{ sequence: number; body: string }[]>`
    select sequence::int as sequence, body::text as body from f1_snapshots order by sequence desc limit 1`;
  return row ?? null;
}
