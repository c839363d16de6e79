import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { archiveMessages, type SessionArchive } from "@/lib/f1/livetiming/archive";
import { parseJsonStream } from "@/lib/f1/livetiming/stream";

import { BUNDLED_ARCHIVE } from "@/sim/f1/livetiming/upstream";

/** The real recordings the simulator serves (sim/f1/livetiming/archive), read here straight from disk. */
export const ARCHIVE = BUNDLED_ARCHIVE;
export const FP2_PATH = "2020/2020-08-09_70th_Anniversary_Grand_Prix/2020-08-07_Practice_2/";
export const FP2_KEY = 5778;
/** When the FP2 streams began (the first race-control message, 14:00:00 UTC, came at 00:07:49.472). */
export const FP2_ORIGIN = Date.parse("2020-08-07T13:52:10.528Z");
/** An instant of FP2 given as stream time "HH:MM:SS". */
export const fp2At = (clock: string): number => {
  const [h, m, s] = clock.split(":").map(Number) as [number, number, number];
  return FP2_ORIGIN + ((h * 60 + m) * 60 + s) * 1000;
};

/** The FP2 excerpt read straight from the fixture folder. */
export function fp2Archive(): SessionArchive {
  const dir = join(ARCHIVE, "static", FP2_PATH);
  const streams = new Map(readdirSync(dir).map((file) => [file.replace(/\.jsonStream$/, ""), parseJsonStream(file, readFileSync(join(dir, file), "utf8"))]));
  return { streams, absent: [] };
}

export const fp2Messages = () => archiveMessages(fp2Archive());
