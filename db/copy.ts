import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import type postgres from "postgres";

// Postgres' binary COPY format: a signature, flags and an empty header extension; then per row a 16-bit field
// count and per field a 32-bit length (-1 for NULL) and the value in network byte order; a count of -1 ends it.
// Binary rows cost the server no text parsing and cost us no number or date formatting, which is most of a
// text COPY's work on both sides.
const SIGNATURE = Buffer.from("PGCOPY\n\xff\r\n\0", "latin1");
const CHUNK_BYTES = 1 << 20;
const TWO_32 = 4294967296;
/** Microseconds from the Unix epoch to the Postgres epoch (2000-01-01). */
const POSTGRES_EPOCH_MS = 946_684_800_000;

/**
 * Encodes rows into binary COPY chunks of about 1 MiB. Call `row(fields)`, then one writer per field in column
 * order; `take()` hands over the chunks filled so far, `end()` the rest with the trailer.
 */
export class BinaryCopyEncoder {
  private chunk = Buffer.allocUnsafe(CHUNK_BYTES);
  private offset = 0;
  private full: Buffer[] = [];

  constructor() {
    SIGNATURE.copy(this.chunk, 0);
    this.chunk.writeInt32BE(0, SIGNATURE.length);
    this.chunk.writeInt32BE(0, SIGNATURE.length + 4);
    this.offset = SIGNATURE.length + 8;
  }

  private room(bytes: number): void {
    if (this.offset + bytes <= this.chunk.length) return;
    if (this.offset > 0) this.full.push(this.chunk.subarray(0, this.offset));
    this.chunk = Buffer.allocUnsafe(Math.max(CHUNK_BYTES, bytes));
    this.offset = 0;
  }

  row(fields: number): void {
    this.room(2);
    this.chunk.writeInt16BE(fields, this.offset);
    this.offset += 2;
  }

  null(): void {
    this.room(4);
    this.chunk.writeInt32BE(-1, this.offset);
    this.offset += 4;
  }

  int4(value: number): void {
    this.room(8);
    this.chunk.writeInt32BE(4, this.offset);
    this.chunk.writeInt32BE(value, this.offset + 4);
    this.offset += 8;
  }

  int4OrNull(value: number | null): void {
    if (value === null) this.null();
    else this.int4(value);
  }

  /** A safe integer as int8. */
  int8(value: number): void {
    this.room(12);
    const high = Math.floor(value / TWO_32);
    this.chunk.writeInt32BE(8, this.offset);
    this.chunk.writeInt32BE(high, this.offset + 4);
    this.chunk.writeUInt32BE(value - high * TWO_32, this.offset + 8);
    this.offset += 12;
  }

  text(value: string): void {
    // UTF-8 takes at most three bytes per UTF-16 unit.
    this.room(4 + value.length * 3);
    const bytes = this.chunk.write(value, this.offset + 4, "utf8");
    this.chunk.writeInt32BE(bytes, this.offset);
    this.offset += 4 + bytes;
  }

  textOrNull(value: string | null): void {
    if (value === null) this.null();
    else this.text(value);
  }

  /** A timestamptz (microseconds since 2000-01-01 UTC); an invalid date is NULL. */
  timestamptzOrNull(value: Date | null): void {
    const ms = value?.getTime() ?? NaN;
    if (!Number.isFinite(ms)) return this.null();
    this.int8((ms - POSTGRES_EPOCH_MS) * 1000);
  }

  /** The chunks that are full; the encoder keeps filling the current one. */
  take(): Buffer[] {
    const taken = this.full;
    this.full = [];
    return taken;
  }

  /** Everything not taken yet, with the trailer that ends the COPY. */
  end(): Buffer[] {
    this.room(2);
    this.chunk.writeInt16BE(-1, this.offset);
    this.offset += 2;
    this.full.push(this.chunk.subarray(0, this.offset));
    this.offset = 0;
    return this.take();
  }
}

/**
 * Streams rows into `table` (the listed columns) with one binary COPY FROM STDIN. `encode` writes one row; the
 * chunks are sent as they fill, so memory stays at a few chunks whatever the number of rows.
 */
export async function copyBinary<Row>(
  sql: postgres.Sql | postgres.TransactionSql,
  table: string,
  columns: readonly string[],
  rows: Iterable<Row>,
  encode: (encoder: BinaryCopyEncoder, row: Row) => void,
): Promise<void> {
  function* chunks(): Generator<Buffer> {
    const encoder = new BinaryCopyEncoder();
    for (const row of rows) {
      encode(encoder, row);
      yield* encoder.take();
    }
    yield* encoder.end();
  }
  const copy = sql`copy ${sql(table)} (${sql(columns as string[])}) from stdin with (format binary)` as postgres.PendingQuery<[]> & {
    reject: (error: unknown) => void;
  };
  // postgres.js 3.4 never settles the writable when the server refuses the data after the last chunk was sent
  // (porsager/postgres#1173): the refusal only reaches the query's reject, which is watched here.
  let refused: (error: unknown) => void = () => {};
  const refusal = new Promise<never>((_, reject) => (refused = reject));
  const reject = copy.reject;
  copy.reject = (error: unknown) => {
    refused(error);
    reject(error);
  };
  const writable = await copy.writable();
  const copying = pipeline(Readable.from(chunks(), { objectMode: false }), writable);
  copying.catch(() => {}); // settled by the race below, or left pending after a refusal
  await Promise.race([copying, refusal]);
}
