import { HttpTransportType, HubConnectionBuilder, LogLevel, type HubConnection } from "@microsoft/signalr";
import { createUpstreamClient, type UpstreamClient } from "@/lib/http";
import { logger } from "@/lib/log";
import type { CarTelemetry, RaceRecord } from "@/lib/f1/records";
import type { RaceSnapshot } from "@/lib/f1/state/snapshot";
import { utcOf } from "./fields";
import type { FeedStatus } from "./feed-status";
import { decodeMessage, type FeedMessage, type RawFeedMessage } from "./message";
import { FeedSession } from "./session";
import { ACCOUNT_TOPICS, FREE_TOPICS, LIVETIMING_TOPICS, missingTopics, type LiveTimingTopic, type MissingTopics } from "./topics";

const log = logger("f1.livetiming.live");
const COOKIE = /(?:^|[;,]\s*)AWSALBCORS=([^;]+)/;

export type LiveStatus = "idle" | "connecting" | "live" | "reconnecting" | "stopped";

export interface LiveUpdate {
  /** The message that changed the state, or null for the keyframes of a (re)subscription. */
  message: FeedMessage | null;
  /** performance.now() when the message arrived. */
  receivedAt: number;
}

export interface LiveTimingClientOptions {
  /** The feed's host: https://livetiming.formula1.com, or the simulator's /f1-livetiming. */
  baseUrl: string;
  /** An F1 TV token: unlocks the account-only topics. */
  token?: string | null;
  onSnapshot?: (snapshot: RaceSnapshot, update: LiveUpdate) => void;
  /** Called on every `feed` message as it arrives (the socket's receipt, before any work); not on keyframes. */
  onRaw?: (raw: RawFeedMessage, receivedAt: number) => void;
  /** The records each message (keyframes included) made: what the caller stores for time travel and replays. */
  onRecords?: (records: RaceRecord[]) => void;
  /** Car telemetry as it comes (downsampled): it is no part of the race state. */
  onTelemetry?: (samples: CarTelemetry[]) => void;
  /** Waits between reconnection attempts: doubling from base to max, with jitter. */
  reconnect?: { baseDelayMs: number; maxDelayMs: number };
  http?: UpstreamClient;
}

/**
 * Follows a live session over the feed's SignalR Core endpoint: gets the AWSALBCORS cookie (an OPTIONS to negotiate),
 * connects by WebSocket, subscribes to the topics (all of them with an F1 TV token, the free ones without), merges the
 * keyframes and every `feed` message into the race state, and reconnects with backoff whenever the socket drops,
 * subscribing again. Every raw message is appended to `recording`, in arrival order: persisted by the caller, it
 * replays the session exactly (parseRecording).
 */
export class LiveTimingClient {
  /** Append-only: the keyframes of each subscription, then the messages, as `[topic, data, utc]`. */
  readonly recording: RawFeedMessage[] = [];
  private readonly session = new FeedSession();
  private readonly http: UpstreamClient;
  private connection: HubConnection | null = null;
  private retry: NodeJS.Timeout | null = null;
  private attempt = 0;
  private state: LiveStatus = "idle";
  /** Topics (plain names) that sent anything. */
  private readonly seen = new Set<string>();
  /** Raw messages that could not be read: counted and skipped. */
  broken = 0;
  /** Successful subscriptions, the first one included. */
  subscriptions = 0;
  /** What the page should say is missing (account-only topics the feed did not send). */
  missing: MissingTopics | null = null;

  constructor(private readonly options: LiveTimingClientOptions) {
    this.http =
      options.http ??
      createUpstreamClient({
        source: "f1-live",
        baseUrl: options.baseUrl,
        timeoutMs: 15_000,
        retries: { max: 2, baseDelayMs: 300, maxDelayMs: 3_000 },
        maxResponseBytes: 1024 * 1024,
      });
  }

  get status(): LiveStatus {
    return this.state;
  }

  get topics(): readonly LiveTimingTopic[] {
    return this.options.token ? LIVETIMING_TOPICS : FREE_TOPICS;
  }

  snapshot(): RaceSnapshot {
    return this.session.snapshot();
  }

  feedStatus(): FeedStatus {
    return this.session.translator.status();
  }

  /** Connects and subscribes; resolves once the keyframes are in, rejects if the first connection fails. */
  async start(): Promise<void> {
    this.state = "connecting";
    try {
      await this.connect();
    } catch (error) {
      this.state = "stopped";
      throw error;
    }
  }

  async stop(): Promise<void> {
    this.state = "stopped";
    if (this.retry) clearTimeout(this.retry);
    this.retry = null;
    const connection = this.connection;
    this.connection = null;
    await connection?.stop();
  }

  private async cookie(): Promise<string> {
    const response = await this.http.request("/signalrcore/negotiate", { method: "OPTIONS", endpoint: "signalrcore/negotiate" });
    const value = response.headers.getSetCookie().map((cookie) => COOKIE.exec(cookie)?.[1]).find((found) => found !== undefined);
    if (!value) throw new Error("negotiate gave no AWSALBCORS cookie");
    return `AWSALBCORS=${value}`;
  }

  private async connect(): Promise<void> {
    const cookie = await this.cookie();
    const token = this.options.token;
    const connection = new HubConnectionBuilder()
      .withUrl(`${this.options.baseUrl.replace(/\/+$/, "")}/signalrcore`, {
        transport: HttpTransportType.WebSockets,
        headers: { Cookie: cookie },
        ...(token ? { accessTokenFactory: () => token } : {}),
      })
      .configureLogging(LogLevel.None)
      .build();
    connection.on("feed", (topic: unknown, data: unknown, utc: unknown) => this.received([topic, data, utc]));
    connection.onclose((error) => this.closed(connection, error));
    this.connection = connection;
    try {
      await connection.start();
    } catch (error) {
      if (this.connection === connection) this.connection = null;
      throw error;
    }
    // Stopped while this attempt was under way: it must not stay open.
    if (this.state === "stopped" || this.connection !== connection) {
      await connection.stop();
      return;
    }
    const topics = this.topics;
    const keyframes: unknown = await connection.invoke("Subscribe", topics);
    const receivedAt = performance.now();
    const sent = keyframes && typeof keyframes === "object" ? (keyframes as Record<string, unknown>) : {};
    // Keyframes carry no time of their own: the heartbeat's clock dates them, else the wall clock.
    const heartbeat = sent.Heartbeat;
    const beat = heartbeat && typeof heartbeat === "object" && "Utc" in heartbeat ? utcOf(heartbeat.Utc) : null;
    const utc = new Date(beat ?? Date.now()).toISOString();
    // SessionInfo first: it says which session the rest belongs to.
    for (const topic of topics) if (sent[topic] !== undefined) this.received([topic, sent[topic], utc], false);
    this.missing = missingTopics(
      ACCOUNT_TOPICS.filter((topic) => !topics.includes(topic) || !this.seen.has(topic.replace(/\.z$/, ""))),
      Boolean(token),
    );
    this.subscriptions += 1;
    this.attempt = 0;
    this.state = "live";
    this.options.onSnapshot?.(this.session.snapshot(), { message: null, receivedAt });
  }

  private received(raw: unknown[], notify = true): void {
    const receivedAt = performance.now();
    const decoded = decodeMessage(raw);
    if (!decoded.ok) {
      this.broken += 1;
      log.warn({ reason: decoded.reason }, "live-timing message skipped");
      return;
    }
    this.recording.push(raw as RawFeedMessage);
    if (notify) this.options.onRaw?.(raw as RawFeedMessage, receivedAt);
    const out = this.session.push(decoded.message);
    if (out.records.length > 0) this.options.onRecords?.(out.records);
    if (out.telemetry.length > 0) this.options.onTelemetry?.(out.telemetry);
    if (!this.seen.has(decoded.message.topic)) {
      this.seen.add(decoded.message.topic);
      // An account-only topic that starts coming is no longer missing.
      if (this.missing) this.missing = missingTopics(this.missing.topics.filter((topic) => !this.seen.has(topic.replace(/\.z$/, ""))), Boolean(this.options.token));
    }
    if (notify) this.options.onSnapshot?.(this.session.snapshot(), { message: decoded.message, receivedAt });
  }

  private closed(connection: HubConnection, error: Error | undefined): void {
    if (this.state === "stopped" || connection !== this.connection) return;
    this.connection = null;
    this.state = "reconnecting";
    log.warn({ err: error }, "live-timing socket closed; reconnecting");
    this.scheduleReconnect();
  }

  private scheduleReconnect(): void {
    // A socket that closes while its own attempt fails asks twice: one retry is enough.
    if (this.retry) return;
    const { baseDelayMs, maxDelayMs } = this.options.reconnect ?? { baseDelayMs: 1_000, maxDelayMs: 60_000 };
    const delay = Math.min(maxDelayMs, baseDelayMs * 2 ** this.attempt) * (0.75 + Math.random() * 0.5);
    this.attempt += 1;
    this.retry = setTimeout(() => {
      this.retry = null;
      if (this.state === "stopped") return;
      this.connect().catch((error: unknown) => {
        if (this.state === "stopped") return;
        log.warn({ err: error, attempt: this.attempt }, "live-timing reconnect failed");
        this.scheduleReconnect();
      });
    }, delay);
  }
}
