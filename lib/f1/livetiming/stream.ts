import type { FeedValue } from "./merge";
import { decodeData } from "./message";

/** One line of an archived `.jsonStream`: time since the stream began, then the topic's keyframe or a delta. */
export interface StreamLine {
  offsetMs: number;
  data: FeedValue;
}

export interface ParsedLines<T> {
  lines: T[];
  /** Lines that could not be read: counted and skipped. */
  broken: number;
  /** The first few reasons, for the log. */
  issues: string[];
}

const MAX_ISSUES = 5;
const LINE = /^(\d{2}):(\d{2}):(\d{2})\.(\d{3})(.*)$/;

export function noteBroken<T>(parsed: ParsedLines<T>, reason: string): void {
  parsed.broken += 1;
  if (parsed.issues.length < MAX_ISSUES) parsed.issues.push(reason);
}

/** Reads a topic's `.jsonStream` (UTF-8 BOM, `HH:MM:SS.mmm{json}` per line; `.z` topics carry quoted base64). */
export function parseJsonStream(topic: string, text: string): ParsedLines<StreamLine> {
  const parsed: ParsedLines<StreamLine> = { lines: [], broken: 0, issues: [] };
  text
    .replace(/^\uFEFF/, "")
    .split(/\r?\n/)
    .forEach((line, index) => {
      if (line.trim() === "") return;
      const match = LINE.exec(line);
      if (!match) return noteBroken(parsed, `${topic} line ${index + 1}: no time stamp`);
      const offsetMs = ((Number(match[1]) * 60 + Number(match[2])) * 60 + Number(match[3])) * 1000 + Number(match[4]);
      let data: unknown;
      try {
        data = JSON.parse(match[5] as string);
      } catch {
        return noteBroken(parsed, `${topic} line ${index + 1}: invalid JSON`);
      }
      const decoded = decodeData(topic, data, offsetMs);
      if (!decoded.ok) return noteBroken(parsed, `line ${index + 1}: ${decoded.reason}`);
      parsed.lines.push({ offsetMs, data: decoded.message.data });
    });
  return parsed;
}
