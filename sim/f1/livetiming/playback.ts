import { mergeFeed, type FeedValue } from "@/lib/f1/livetiming/merge";
import type { FeedMessage } from "@/lib/f1/livetiming/message";
import type { Feed } from "./feed";

export interface PlaybackStatus {
  feed: string;
  speed: number;
  /** Messages sent so far, of all. */
  sent: number;
  total: number;
  /** Session time reached, epoch ms. */
  at: number | null;
  finished: boolean;
}

const SAMPLED = new Set(["Position", "CarData"]);

/**
 * Plays a feed as if live: message after message at its own moment, `speed` times faster than real time, from
 * `fromSeconds` into the session. Keeps every topic's merged state so a client that subscribes late gets keyframes.
 */
export class Playback {
  private readonly state = new Map<string, FeedValue>();
  private next = 0;
  private timer: NodeJS.Timeout | null = null;
  private readonly origin: number;
  private readonly startedAt: number;

  constructor(
    private readonly feed: Feed,
    private readonly speed: number,
    fromSeconds: number,
    private readonly send: (message: FeedMessage) => void,
  ) {
    const first = feed.messages[0]?.at ?? 0;
    this.origin = first + fromSeconds * 1000;
    // Catch up without sending: a late start is a late joiner's view.
    while (this.next < feed.messages.length && (feed.messages[this.next] as FeedMessage).at <= this.origin) this.remember(feed.messages[this.next++] as FeedMessage);
    this.startedAt = performance.now();
    this.schedule();
  }

  /** Session time now. */
  private now(): number {
    return this.origin + (performance.now() - this.startedAt) * this.speed;
  }

  private remember(message: FeedMessage): void {
    // mergeFeed copies what it takes from a delta: the feed's messages stay as they are, for the next replay.
    this.state.set(message.topic, SAMPLED.has(message.topic) ? message.data : mergeFeed(this.state.get(message.topic), message.data));
  }

  private schedule(): void {
    const message = this.feed.messages[this.next];
    if (!message) return;
    const wait = Math.max(0, (message.at - this.now()) / this.speed);
    this.timer = setTimeout(() => this.tick(), wait);
  }

  private tick(): void {
    const now = this.now();
    while (this.next < this.feed.messages.length && (this.feed.messages[this.next] as FeedMessage).at <= now) {
      const message = this.feed.messages[this.next++] as FeedMessage;
      this.remember(message);
      this.send(message);
    }
    this.schedule();
  }

  /** Each topic's state at this moment. */
  keyframes(): Map<string, FeedValue> {
    return new Map([...this.state].map(([topic, value]) => [topic, structuredClone(value)]));
  }

  status(): PlaybackStatus {
    return {
      feed: this.feed.name,
      speed: this.speed,
      sent: this.next,
      total: this.feed.messages.length,
      at: this.feed.messages.length === 0 ? null : Math.round(Math.min(this.now(), this.feed.messages.at(-1)?.at ?? 0)),
      finished: this.next >= this.feed.messages.length,
    };
  }

  stop(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }
}
