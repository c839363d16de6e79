import { z } from "zod";
import { inflateTopic, plainTopic } from "./inflate";
import type { FeedValue } from "./merge";
import { utcOf } from "./fields";

/** One message as the live feed sends it (`feed` arguments): the topic, its delta, and when it was sent. */
export const rawFeedMessage = z.tuple([z.string().min(1), z.union([z.record(z.string(), z.unknown()), z.string()]), z.string()]);
export type RawFeedMessage = z.infer<typeof rawFeedMessage>;

/** A message ready to merge: plain topic name ("Position", not "Position.z"), decoded data, epoch milliseconds. */
export interface FeedMessage {
  topic: string;
  data: FeedValue;
  at: number;
}

export type Decoded = { ok: true; message: FeedMessage } | { ok: false; reason: string };

/** Checks and decodes one raw message; a broken one is reported, never thrown. */
export function decodeMessage(raw: unknown): Decoded {
  const parsed = rawFeedMessage.safeParse(raw);
  if (!parsed.success) return { ok: false, reason: "not [topic, data, utc]" };
  const [topic, data, utc] = parsed.data;
  const at = utcOf(utc);
  if (at === null) return { ok: false, reason: `${topic}: bad timestamp ${JSON.stringify(utc).slice(0, 40)}` };
  return decodeData(topic, data, at);
}

export function decodeData(topic: string, data: unknown, at: number): Decoded {
  if (topic.endsWith(".z")) {
    if (typeof data !== "string") return { ok: false, reason: `${topic}: compressed payload is not text` };
    try {
      return { ok: true, message: { topic: plainTopic(topic), data: inflateTopic(data) as FeedValue, at } };
    } catch (error) {
      return { ok: false, reason: `${topic}: ${error instanceof Error ? error.message : String(error)}` };
    }
  }
  if (typeof data !== "object" || data === null) return { ok: false, reason: `${topic}: data is not an object` };
  return { ok: true, message: { topic, data: data as FeedValue, at } };
}
