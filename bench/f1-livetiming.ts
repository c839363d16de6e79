/**
 * F1 live timing: (1) a whole session's archive (every topic it has) parsed into race-state snapshots, one snapshot
 * per distinct message time as a live page would get them: time per session and snapshots per second, next to
 * reading the same streams alone; (2) live lag through the simulator's SignalR Core endpoint, from the hub
 * sending a message to the client's snapshot (p50/p95/max, goal p95 <= 250 ms), next to the transport alone (hub
 * send -> the client's socket callback) in the same run.
 * Run: DATABASE_URL=postgres://postgres@127.0.0.1:5432/pitwall_bench npx tsx bench/f1-livetiming.ts
 * (the database is migrated first: the live client's calls go to the API call ledger).
 * BENCH_F1_LIVETIMING_ARCHIVE: a folder in the archive's layout (default: the bundled FP2 excerpt);
 * BENCH_F1_LIVETIMING_SECONDS: wall seconds per lag run (default 20).
 * An archive without Position.z and CarData.z (the bundled recordings have none) gets synthetic ones at the feed's
 * rates (a location sample per car every 300 ms, car data every 250 ms sent in batches of four), so that the figure
 * covers every topic; BENCH_F1_LIVETIMING_SYNTHETIC_Z=0 leaves them out.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { deflateRawSync } from "node:zlib";
import { runMigrations } from "@/db/migrate";
import { databaseUrl } from "@/lib/env";
import { archiveMessages } from "@/lib/f1/livetiming/archive";
import { LiveTimingClient } from "@/lib/f1/livetiming/live";
import { FeedSession } from "@/lib/f1/livetiming/session";
import { parseJsonStream, type ParsedLines, type StreamLine } from "@/lib/f1/livetiming/stream";
import { LIVETIMING_TOPICS } from "@/lib/f1/livetiming/topics";
import { flushLedger } from "@/lib/http";
import { BUNDLED_ARCHIVE, DEMO_F1TV_TOKEN, livetimingUpstream } from "@/sim/f1/livetiming";
import { loadArchiveFolder, sessionPaths } from "@/sim/f1/livetiming/folder";
import { startSimulator } from "@/sim/server";

const RUNS = 5;
const folderPath = process.env.BENCH_F1_LIVETIMING_ARCHIVE ?? BUNDLED_ARCHIVE;
const lagSeconds = Number(process.env.BENCH_F1_LIVETIMING_SECONDS ?? 20);

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? NaN;
const quantile = (values: number[], q: number) => [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor(values.length * q))] ?? NaN;
const ms = (value: number) => `${value.toFixed(1)} ms`;

const folder = loadArchiveFolder(folderPath);
const path = sessionPaths(folder)[0];
if (!path) throw new Error(`no archived session in ${folderPath}`);
const texts: (readonly [string, string])[] = LIVETIMING_TOPICS.flatMap((topic) => {
  const file = folder.files.get(`static/${path}${topic}.jsonStream`);
  return file ? [[topic, file.toString("utf8")] as const] : [];
});
const synthetic = process.env.BENCH_F1_LIVETIMING_SYNTHETIC_Z !== "0" && !texts.some(([topic]) => topic.endsWith(".z"));
if (synthetic) texts.push(...syntheticCompressed());

/** Position.z and CarData.z over the span of the TimingData stream, for its cars, as the archive writes them. */
function syntheticCompressed(): [string, string][] {
  const timing = parseJsonStream("TimingData", texts.find(([topic]) => topic === "TimingData")?.[1] ?? "");
  const first = timing.lines[0]?.offsetMs ?? 0;
  const last = timing.lines.at(-1)?.offsetMs ?? 0;
  const cars = Object.keys((timing.lines[1]?.data as { Lines?: object } | undefined)?.Lines ?? {});
  const origin = Date.parse("2020-08-07T13:52:10.528Z");
  const clock = (offset: number) => new Date(offset).toISOString().slice(11, 23);
  const line = (offset: number, data: unknown) => `${clock(offset)}"${deflateRawSync(JSON.stringify(data)).toString("base64")}"`;
  const positions: string[] = [];
  for (let offset = first; offset <= last; offset += 300) {
    const entries = Object.fromEntries(cars.map((car, index) => [car, { Status: "OnTrack", X: Math.round(5000 * Math.cos(offset / 9000 + index)), Y: Math.round(3000 * Math.sin(offset / 9000 + index)), Z: 10 }]));
    positions.push(line(offset, { Position: [{ Timestamp: new Date(origin + offset).toISOString(), Entries: entries }] }));
  }
  const carData: string[] = [];
  for (let offset = first; offset <= last; offset += 1000) {
    const entries = [0, 250, 500, 750].map((step) => ({
      Utc: new Date(origin + offset + step).toISOString(),
      Cars: Object.fromEntries(cars.map((car) => [car, { Channels: { "0": 11_000, "2": 290, "3": 8, "4": 100, "5": 0, "45": 8 } }])),
    }));
    carData.push(line(offset, { Entries: entries }));
  }
  return [
    ["Position.z", positions.join("\r\n")],
    ["CarData.z", carData.join("\r\n")],
  ];
}
// The lag runs play the same topics, the synthetic ones included, from a copy in the archive's layout.
const lagFolder = synthetic ? mkdtempSync(join(tmpdir(), "pitwall-bench-livetiming-")) : folderPath;
if (synthetic) {
  mkdirSync(join(lagFolder, "static", path), { recursive: true });
  for (const [topic, text] of texts) writeFileSync(join(lagFolder, "static", path, `${topic}.jsonStream`), text);
}
const bytes = texts.reduce((total, [, text]) => total + Buffer.byteLength(text), 0);

function parseSession(): { snapshots: number; messages: number; records: number; telemetry: number } {
  const streams = new Map<string, ParsedLines<StreamLine>>(texts.map(([topic, text]) => [topic, parseJsonStream(topic, text)]));
  const { messages } = archiveMessages({ streams, absent: [] });
  const session = new FeedSession();
  let snapshots = 0;
  let records = 0;
  let telemetry = 0;
  messages.forEach((message, index) => {
    const out = session.push(message);
    records += out.records.length;
    telemetry += out.telemetry.length;
    // One snapshot per moment: messages sent together make one update.
    if (messages[index + 1]?.at !== message.at) {
      session.snapshot();
      snapshots += 1;
    }
  });
  return { snapshots, messages: messages.length, records, telemetry };
}

/** The reference: reading the streams alone (JSON and inflating), no merging, no records, no snapshots. */
function readOnly(): number {
  return texts.reduce((lines, [topic, text]) => lines + parseJsonStream(topic, text).lines.length, 0);
}

console.log(`archive: ${path} (${texts.map(([topic]) => topic).join(", ")}${synthetic ? ", the .z topics synthetic" : ""}; ${(bytes / 1e6).toFixed(2)} MB)`);
const times: number[] = [];
const references: number[] = [];
let shape = parseSession();
for (let run = 0; run < RUNS; run += 1) {
  let started = performance.now();
  shape = parseSession();
  times.push(performance.now() - started);
  started = performance.now();
  readOnly();
  references.push(performance.now() - started);
}
const perSession = median(times);
console.log(
  `  parse into snapshots: ${ms(perSession)} per session (median of ${RUNS}); ${shape.messages} messages, ${shape.records} records, ${shape.telemetry} car-data samples kept, ` +
    `${shape.snapshots} snapshots = ${Math.round((shape.snapshots * 1000) / perSession)} snapshots/s`,
);
console.log(`  reference, reading the same streams alone (JSON, inflating): ${ms(median(references))}`);

async function lag(speed: number): Promise<void> {
  const sent: number[] = [];
  const upstream = livetimingUpstream({ folder: lagFolder, onSend: (_message, at) => sent.push(at) });
  const sim = await startSimulator({ upstreams: [upstream] });
  const transport: number[] = [];
  const pipeline: number[] = [];
  let received = 0;
  let snapshotted = 0;
  // From 20 minutes in: cars on track, the timing busy.
  await upstream.play({ session: path, speed, fromSeconds: 20 * 60 });
  const client = new LiveTimingClient({
    baseUrl: `${sim.url}/f1-livetiming`,
    // With the token every topic flows, the compressed ones too.
    token: DEMO_F1TV_TOKEN,
    onRaw: (_raw, at) => {
      const from = sent[received++];
      if (from !== undefined) transport.push(at - from);
    },
    onSnapshot: (_snapshot, update) => {
      if (!update.message) return;
      const from = sent[snapshotted++];
      if (from !== undefined) pipeline.push(performance.now() - from);
    },
  });
  // The hub counts only messages sent to a subscriber: the k-th one sent is the k-th one the client gets.
  await client.start();
  await new Promise((resolve) => setTimeout(resolve, lagSeconds * 1000));
  await client.stop();
  upstream.stop();
  await sim.close();
  await upstream.close();
  console.log(
    `  speed ${speed}x, ${pipeline.length} messages in ${lagSeconds} s: message -> snapshot p50 ${ms(quantile(pipeline, 0.5))}, ` +
      `p95 ${ms(quantile(pipeline, 0.95))}, max ${ms(Math.max(...pipeline))}; reference, transport alone: p50 ${ms(quantile(transport, 0.5))}, ` +
      `p95 ${ms(quantile(transport, 0.95))}`,
  );
}

await runMigrations(databaseUrl());
console.log("live lag through the simulator's SignalR Core endpoint (goal: p95 <= 250 ms)");
await lag(1);
await lag(10);
await flushLedger();
if (synthetic) rmSync(lagFolder, { recursive: true, force: true });
process.exit(0);
