import { deflateRawSync } from "node:zlib";
import { archiveMessages } from "@/lib/f1/livetiming/archive";
import type { FeedMessage } from "@/lib/f1/livetiming/message";
import { parseRecording } from "@/lib/f1/livetiming/recording";
import { parseJsonStream, type ParsedLines, type StreamLine } from "@/lib/f1/livetiming/stream";
import { LIVETIMING_TOPICS } from "@/lib/f1/livetiming/topics";
import type { ArchiveFolder } from "./folder";

/** What the hub plays: a session's messages in order, decoded. */
export interface Feed {
  name: string;
  messages: FeedMessage[];
}

/** The archived session at `path` as one run of messages, as the live feed sent them. */
export function archivedFeed(folder: ArchiveFolder, path: string): Feed {
  const streams = new Map<string, ParsedLines<StreamLine>>();
  for (const topic of LIVETIMING_TOPICS) {
    const file = folder.files.get(`static/${path}${topic}.jsonStream`);
    if (file) streams.set(topic, parseJsonStream(topic, file.toString("utf8")));
  }
  if (streams.size === 0) throw new Error(`no archived session at ${path}`);
  return { name: path, messages: archiveMessages({ streams, absent: [] }).messages };
}

/** A recorded live session (`recordings/<name>`), its broken lines left out. */
export function recordedFeed(folder: ArchiveFolder, name: string): Feed {
  const file = folder.files.get(`recordings/${name}`);
  if (!file) throw new Error(`no recording named ${name}`);
  return { name, messages: parseRecording(file.toString("utf8")).lines };
}

const COMPRESSED = new Set(["Position", "CarData"]);

/** The topic name and payload as the feed sends them: samples of Position and CarData travel deflated as `.z`. */
export function wireForm(topic: string, data: unknown): [string, unknown] {
  if (!COMPRESSED.has(topic)) return [topic, data];
  return [`${topic}.z`, deflateRawSync(Buffer.from(JSON.stringify(data))).toString("base64")];
}
