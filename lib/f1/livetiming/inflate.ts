import { inflateRawSync } from "node:zlib";

const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/;

/** A `.z` topic's payload: base64 of raw deflate (no zlib header) holding JSON. Throws on anything else. */
export function inflateTopic(payload: string): unknown {
  const text = payload.trim();
  if (!BASE64.test(text) || text.length % 4 === 1) throw new Error("compressed payload is not base64");
  return JSON.parse(inflateRawSync(Buffer.from(text, "base64")).toString("utf8"));
}

/** `CarData.z` -> `CarData`: the topic a compressed payload belongs to. */
export const plainTopic = (topic: string): string => topic.replace(/\.z$/, "");
