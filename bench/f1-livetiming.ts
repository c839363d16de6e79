/**
 * F1 live timing: (1) a whole session's archive (every topic it has) parsed into race-state snapshots, one snapshot
 * per distinct message time as a live page would get them: time per session and snapshots per second, next to
 * reading the same streams alone; (2) live lag through the simulator's SignalR Core endpoint, from the hub
 * sending a message to the client's snapshot, next to the transport alone (hub send -> the client's socket callback)
 * in the same run; (3) the goal's own measure, p95 <= 250 ms: from the hub sending a message to the snapshot sequence
 * that includes it being announced to every app instance (NOTIFY received), through Pitwall's live follower
 * (followFeedWindow: lease, one-socket lock, records and raw messages stored, snapshot published).
 * Run: DATABASE_URL=postgres://postgres@127.0.0.1:5432/pitwall_bench npx tsx bench/f1-livetiming.ts
 * (the database is migrated first: the live client's calls go to the API call ledger).
 * The session is the simulator's whole race in the archive's format (58 laps, 20 cars, every topic: Position.z at two
 * samples a second per car, CarData.z at one); BENCH_F1_LIVETIMING_SESSION picks another session of the simulated
 * archive by its path (e.g. the recorded 2020 practice excerpt, which has no .z topics);
 * BENCH_F1_LIVETIMING_SECONDS: wall seconds per lag run (default 20).
 */
import { randomUUID } from "node:crypto";
import { runMigrations } from "@/db/migrate";
import { sql } from "@/lib/db";
import { databaseUrl, resetEnvCache } from "@/lib/env";
import { followFeedWindow, liveFeedSession } from "@/lib/f1/livetiming/follow";
import { claimPoller } from "@/lib/f1/poller";
import { SNAPSHOT_CHANNEL } from "@/lib/f1/snapshots";
import { archiveMessages } from "@/lib/f1/livetiming/archive";
import { LiveTimingClient } from "@/lib/f1/livetiming/live";
import { FeedSession } from "@/lib/f1/livetiming/session";
import { parseJsonStream, type ParsedLines, type StreamLine } from "@/lib/f1/livetiming/stream";
import { LIVETIMING_TOPICS } from "@/lib/f1/livetiming/topics";
import { flushLedger } from "@/lib/http";
import { BUNDLED_ARCHIVE, DEMO_F1TV_TOKEN, livetimingUpstream } from "@/sim/f1/livetiming";
import { loadArchiveFolder } from "@/sim/f1/livetiming/folder";
import { withSyntheticRace } from "@/sim/f1/livetiming/synthetic";
import { startSimulator } from "@/sim/server";

const RUNS = 5;
const SEED = 1;
const RACE_PATH = "2025/2025-11-16_Pitwall_Grand_Prix/2025-11-16_Race/";
const path = process.env.BENCH_F1_LIVETIMING_SESSION ?? RACE_PATH;
const lagSeconds = Number(process.env.BENCH_F1_LIVETIMING_SECONDS ?? 20);

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? NaN;
const quantile = (values: number[], q: number) => [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor(values.length * q))] ?? NaN;
const ms = (value: number) => `${value.toFixed(1)} ms`;

const folder = withSyntheticRace(loadArchiveFolder(BUNDLED_ARCHIVE), SEED);
const texts: (readonly [string, string])[] = LIVETIMING_TOPICS.flatMap((topic) => {
  const file = folder.files.get(`static/${path}${topic}.jsonStream`);
  return file ? [[topic, file.toString("utf8")] as const] : [];
});
if (texts.length === 0) throw new Error(`no archived session at ${path}`);
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

console.log(`archive: ${path} (${texts.map(([topic]) => topic).join(", ")}; ${(bytes / 1e6).toFixed(2)} MB)`);
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
  const upstream = livetimingUpstream({ onSend: (_message, at) => sent.push(at) });
  const sim = await startSimulator({ seed: SEED, upstreams: [upstream] });
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

/** The feed on the page each shown topic updates. */
const SHOWN: Partial<Record<string, string>> = {
  TimingData: "intervals",
  Position: "location",
  RaceControlMessages: "race_control",
  TimingAppData: "stints",
  PitLaneTimeCollection: "pit",
  WeatherData: "weather",
};

/** Message sent by the hub -> the published snapshot sequence that holds it, announced (NOTIFY) to every instance. */
async function publishedLag(speed: number): Promise<void> {
  // Messages of the topics the page shows: each is in the first snapshot whose feed for it is as new.
  const sent: { feed: string; at: number; sentAt: number }[] = [];
  const upstream = livetimingUpstream({
    onSend: (message, sentAt) => {
      const feed = SHOWN[message.topic.replace(/\.z$/, "")];
      if (feed) sent.push({ feed, at: message.at, sentAt });
    },
  });
  const sim = await startSimulator({ seed: SEED, upstreams: [upstream] });
  Object.assign(process.env, { F1_LIVETIMING_BASE_URL: `${sim.url}/f1-livetiming`, F1_TV_TOKEN: DEMO_F1TV_TOKEN });
  resetEnvCache();
  await sql()`truncate f1_pollers, f1_snapshots, f1_records, f1_sessions, f1_drivers, f1_feed_messages`;
  await upstream.play({ session: path, speed, fromSeconds: 20 * 60 });
  const session = await liveFeedSession();
  if (!session) throw new Error("the simulated feed plays no session");
  const owner = randomUUID();
  await claimPoller({ sessionKey: session.sessionKey, mode: "live", source: "livetiming", owner });
  const announced: { sequence: number; receivedAt: number }[] = [];
  const listener = await sql().listen(SNAPSHOT_CHANNEL, (payload) => announced.push({ sequence: Number(payload), receivedAt: performance.now() }));
  const result = await followFeedWindow(session.sessionKey, owner, lagSeconds * 1000);
  await listener.unlisten();
  upstream.stop();
  await sim.close();
  await upstream.close();
  const bodies = await sql()<{ sequence: number; feeds: Record<string, { newest: string | null }> }[]>`
    select sequence::int as sequence, body->'feeds' as feeds from f1_snapshots`;
  const feedsOf = new Map(bodies.map((row) => [row.sequence, row.feeds]));
  // Counted from the follower's first snapshot (the subscription's keyframes): what the hub sent before its socket
  // was open reached it inside those keyframes, not as messages.
  const subscribed = announced[0]?.receivedAt ?? Infinity;
  const lags: number[] = [];
  for (const message of sent.filter((one) => one.sentAt > subscribed)) {
    const holder = announced.find(({ sequence }) => Date.parse(feedsOf.get(sequence)?.[message.feed]?.newest ?? "") >= message.at);
    if (holder) lags.push(holder.receivedAt - message.sentAt);
  }
  console.log(
    `  speed ${speed}x, ${lags.length} messages in ${result.polls} snapshots: message -> published sequence p50 ${ms(quantile(lags, 0.5))}, ` +
      `p95 ${ms(quantile(lags, 0.95))}, max ${ms(Math.max(...lags))}`,
  );
}

await runMigrations(databaseUrl());
console.log("live lag through the simulator's SignalR Core endpoint, to the client's state");
await lag(1);
await lag(10);
console.log("live lag to the published snapshot sequence (goal: p95 <= 250 ms)");
await publishedLag(1);
await publishedLag(10);
await flushLedger();
process.exit(0);
