import { createHash } from "node:crypto";

const utf8 = new TextDecoder("utf-8", { fatal: true });
const windows1252 = new TextDecoder("windows-1252");

/**
 * The text of a fetched body without its byte order mark. Bytes that are not valid UTF-8 are read as
 * Windows-1252, the encoding of older Al Kamel exports.
 */
export function decodeBody(body: string | Uint8Array): string {
  let text: string;
  if (typeof body === "string") text = body;
  else {
    try {
      text = utf8.decode(body);
    } catch {
      text = windows1252.decode(body);
    }
  }
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/** Thrown when a body cannot be read at all (not JSON, no header, ...): nothing of it is usable. */
export class SourceFormatError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "SourceFormatError";
  }
}

const JSONP = /^\s*([A-Za-z_$][\w$.]*)\s*\(([\s\S]*)\)\s*;?\s*$/;

/** Parses JSON or JSONP (`jsonpRaceResults({...});`); returns the callback name too, when there is one. */
export function parseJsonOrJsonp(text: string): { callback: string | null; value: unknown } {
  const wrapped = JSONP.exec(text);
  const json = wrapped ? (wrapped[2] ?? "") : text;
  try {
    return { callback: wrapped?.[1] ?? null, value: JSON.parse(json) as unknown };
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    throw new SourceFormatError(`not JSON${wrapped ? "P" : ""}: ${detail}`);
  }
}

/** A short digest of a text: tells whether a polled body (or its already-read part) changed. */
export function fingerprint(text: string): string {
  return createHash("sha256").update(text).digest("base64url");
}
