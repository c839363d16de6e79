import type { z } from "zod";
import { chunkInfoSchema, linkEnvelopeSchema } from "./api-schemas";
import { envelope } from "./parse/collect";

export type ChunkInfo = z.output<typeof chunkInfoSchema>;

/**
 * What a `/data/...` call answered: usually a pre-signed link to the data (fetch it WITHOUT the Authorization header;
 * it expires), sometimes the data itself (the constants endpoints).
 */
export type DataAnswer = { kind: "link"; link: string; expires: Date | null } | { kind: "data"; data: unknown };

export function readDataAnswer(body: unknown): DataAnswer {
  if (body !== null && typeof body === "object" && !Array.isArray(body) && "link" in body) {
    const envelope = linkEnvelopeSchema.safeParse(body);
    if (envelope.success) return { kind: "link", link: envelope.data.link, expires: envelope.data.expires ?? null };
  }
  return { kind: "data", data: body };
}

/** The chunk_info of a body; null when it has none or it is null (no rows). A malformed one throws. */
export function chunkInfo(body: unknown): ChunkInfo | null {
  if (body === null || typeof body !== "object" || !("chunk_info" in body) || body.chunk_info === null || body.chunk_info === undefined) return null;
  return envelope(chunkInfoSchema, body.chunk_info, "chunk_info");
}

/** The URL of every chunk, in order: each is a JSON array and the rows are their concatenation. */
export function chunkUrls(info: ChunkInfo): string[] {
  return info.chunk_file_names.map((name) => `${info.base_download_url}${name}`);
}
