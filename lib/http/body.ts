/** The response would exceed the byte limit; `readBytes` were read before stopping (0 when Content-Length said so). */
export class BodyTooLarge extends Error {
  constructor(readonly readBytes: number) {
    super("response body exceeds the limit");
  }
}

/** The stream broke before the body was complete (connection dropped, timeout, abort). */
export class BodyInterrupted extends Error {
  constructor(
    readonly received: Buffer,
    readonly declaredBytes: number | undefined,
    cause: unknown,
  ) {
    super(`response body cut short after ${received.byteLength}${declaredBytes === undefined ? "" : ` of ${declaredBytes}`} bytes`, { cause });
  }
}

/**
 * Reads the whole (already decompressed) body, stopping as soon as it passes `maxBytes`: a runaway response
 * never lands in memory. An interrupted stream rejects, so a cut-short body is never returned as complete.
 */
export async function readBody(response: Response, maxBytes: number): Promise<Buffer> {
  const declared = response.headers.get("content-length");
  if (declared !== null && Number(declared) > maxBytes) {
    await response.body?.cancel().catch(() => {});
    throw new BodyTooLarge(0);
  }
  if (!response.body) return Buffer.alloc(0);
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    let next: ReadableStreamReadResult<Uint8Array>;
    try {
      next = await reader.read();
    } catch (error) {
      throw new BodyInterrupted(Buffer.concat(chunks, total), declared === null ? undefined : Number(declared), error);
    }
    const { done, value } = next;
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel().catch(() => {});
      throw new BodyTooLarge(total);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks, total);
}

const HEAD = 160;
const TAIL = 120;

/** The start and end of a body, whitespace collapsed: enough to see what came back and where it stopped. */
export function bodySnippet(text: string): string {
  const flat = text.replace(/\s+/g, " ").trim();
  if (flat.length <= HEAD + TAIL + 5) return flat;
  return `${flat.slice(0, HEAD)} … ${flat.slice(-TAIL)} (${text.length} chars)`;
}
