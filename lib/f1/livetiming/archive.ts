import { createUpstreamClient, UpstreamError, type UpstreamClient } from "@/lib/http";
import { integerOf, localToUtc, utcOf } from "./fields";
import { asObject } from "./laps";
import type { FeedMessage } from "./message";
import { readSeasonIndex, seasonIndex, type SeasonSchedule } from "./season-index";
import { parseJsonStream, type ParsedLines, type StreamLine } from "./stream";
import { LIVETIMING_TOPICS } from "./topics";

/** How the archive's bucket says it has no such file (a topic a session lacks, a season not started). */
const ARCHIVE_ABSENT: readonly number[] = [403, 404];

/** Whether a failed archive request means the file is not there, rather than that the archive failed. */
export const archiveAbsent = (error: unknown): boolean =>
  error instanceof UpstreamError && error.status !== undefined && ARCHIVE_ABSENT.includes(error.status);

/** The HTTP client for the feed's static archive (free for every past session since 2018); "f1-archive" in the ledger. */
export function livetimingArchiveClient(baseUrl: string): UpstreamClient {
  return createUpstreamClient({
    source: "f1-archive",
    baseUrl,
    rateLimit: { concurrency: 4 },
    timeoutMs: 60_000,
    retries: { max: 3, baseDelayMs: 300, maxDelayMs: 5_000 },
    // A race's CarData.z is the biggest file: some 100 MB of text.
    maxResponseBytes: 256 * 1024 * 1024,
  });
}

export async function fetchSeason(client: UpstreamClient, year: number, signal?: AbortSignal): Promise<SeasonSchedule> {
  // The index starts with a UTF-8 BOM, which JSON.parse refuses: read as text.
  const text = await client.getText(`/static/${year}/Index.json`, { endpoint: "static/index", signal, answeredBy: ARCHIVE_ABSENT });
  return readSeasonIndex(seasonIndex.parse(JSON.parse(text.replace(/^\uFEFF/, ""))));
}

/** One archived session: each topic's stream as read, and the topics the archive does not have. */
export interface SessionArchive {
  streams: Map<string, ParsedLines<StreamLine>>;
  absent: string[];
}

/** Fetches the session's topic streams; a topic the archive has not got (404) is noted, not an error. */
export async function fetchSessionArchive(
  client: UpstreamClient,
  path: string,
  topics: readonly string[] = LIVETIMING_TOPICS,
  signal?: AbortSignal,
): Promise<SessionArchive> {
  const archive: SessionArchive = { streams: new Map(), absent: [] };
  await Promise.all(
    topics.map(async (topic) => {
      try {
        const text = await client.getText(`/static/${path}${topic}.jsonStream`, { endpoint: "static/stream", signal, answeredBy: ARCHIVE_ABSENT });
        archive.streams.set(topic, parseJsonStream(topic, text));
      } catch (error) {
        if (archiveAbsent(error)) archive.absent.push(topic);
        else throw error;
      }
    }),
  );
  return archive;
}

/**
 * When the session's streams began, in epoch ms: stream times are offsets from it. The heartbeat carries the clock;
 * without it, the first race-control message (dated to the second), else the session start and its "Started" status.
 */
export function streamOrigin(streams: Map<string, ParsedLines<StreamLine>>): number | null {
  const first = (topic: string, read: (line: StreamLine) => number | null): number | null => {
    for (const line of streams.get(topic)?.lines ?? []) {
      const at = read(line);
      if (at !== null) return at - line.offsetMs;
    }
    return null;
  };
  const messageUtc = (line: StreamLine): number | null => {
    const messages = asObject(line.data)?.Messages;
    const list = Array.isArray(messages) ? messages : Object.values(asObject(messages) ?? {});
    return utcOf(asObject(list[0])?.Utc);
  };
  const info = asObject(streams.get("SessionInfo")?.lines[0]?.data);
  const started = streams.get("SessionStatus")?.lines.find((line) => asObject(line.data)?.Status === "Started");
  const scheduled = localToUtc(info?.StartDate, info?.GmtOffset)?.getTime() ?? null;
  return (
    first("Heartbeat", (line) => utcOf(asObject(line.data)?.Utc)) ??
    first("RaceControlMessages", messageUtc) ??
    (scheduled !== null && started ? scheduled - started.offsetMs : scheduled)
  );
}

export interface ArchiveMessages {
  sessionKey: number | null;
  messages: FeedMessage[];
  /** Lines no topic could read. */
  broken: number;
  issues: string[];
}

/** Every topic's lines as one run of messages in stream order (SessionInfo first at equal times). */
export function archiveMessages(archive: SessionArchive): ArchiveMessages {
  const origin = streamOrigin(archive.streams) ?? 0;
  const ordered = LIVETIMING_TOPICS.map((topic) => topic as string).filter((topic) => archive.streams.has(topic));
  const extra = [...archive.streams.keys()].filter((topic) => !ordered.includes(topic));
  const messages: FeedMessage[] = [];
  let broken = 0;
  const issues: string[] = [];
  for (const topic of [...ordered, ...extra]) {
    const stream = archive.streams.get(topic) as ParsedLines<StreamLine>;
    broken += stream.broken;
    issues.push(...stream.issues);
    const plain = topic.replace(/\.z$/, "");
    for (const line of stream.lines) messages.push({ topic: plain, data: line.data, at: origin + line.offsetMs });
  }
  messages.sort((a, b) => a.at - b.at);
  const info = asObject(archive.streams.get("SessionInfo")?.lines[0]?.data);
  return { sessionKey: integerOf(info?.Key), messages, broken, issues: issues.slice(0, 5) };
}
