import { decodeMessage, type FeedMessage, type RawFeedMessage } from "./message";
import { noteBroken, type ParsedLines } from "./stream";

/**
 * A recorded live session: every raw message in the order it arrived, one `[topic, data, utc]` per line. Pitwall
 * writes JSON; recordings from other clients are Python reprs (single quotes, True/False/None), read as well.
 */
export function parseRecording(text: string): ParsedLines<FeedMessage> {
  const parsed: ParsedLines<FeedMessage> = { lines: [], broken: 0, issues: [] };
  text.split(/\r?\n/).forEach((line, index) => {
    if (line.trim() === "") return;
    const raw = readLine(line);
    if (raw === undefined) return noteBroken(parsed, `line ${index + 1}: unreadable`);
    const decoded = decodeMessage(raw);
    if (!decoded.ok) return noteBroken(parsed, `line ${index + 1}: ${decoded.reason}`);
    parsed.lines.push(decoded.message);
  });
  return parsed;
}

function readLine(line: string): unknown {
  try {
    return JSON.parse(line);
  } catch {
    try {
      return JSON.parse(line.replaceAll("'", '"').replace(/\bTrue\b/g, "true").replace(/\bFalse\b/g, "false").replace(/\bNone\b/g, "null"));
    } catch {
      return undefined;
    }
  }
}

/** One recorded line, as parseRecording reads it back. */
export const recordingLine = (message: RawFeedMessage): string => JSON.stringify(message);
