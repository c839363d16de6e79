import type { RaceRecord } from "@/lib/f1/records";
import { RaceStateBuilder } from "./builder";
import type { BuilderState } from "./entries";
import type { RaceSnapshot } from "./snapshot";
import { sessionTimeline, type TimedRecord } from "./timeline";

interface Keyframe {
  /** The state holds every record before this index of the timeline. */
  index: number;
  at: number;
  state: BuilderState;
}

/** One keyframe per this much session time by default: a state at any moment replays at most that much. */
export const KEYFRAME_EVERY_MS = 30_000;

/**
 * A whole session, playable at any moment (time travel, replays at any speed, a late joiner's first state): the
 * timeline is applied once, keeping a copy of the state every `keyframeEveryMs`; the state at a moment is the
 * keyframe before it plus the records in between.
 */
export class RaceReplay {
  private constructor(
    readonly timeline: readonly TimedRecord[],
    private readonly keyframes: readonly Keyframe[],
    private readonly final: RaceStateBuilder,
  ) {}

  static build(records: readonly RaceRecord[], keyframeEveryMs: number = KEYFRAME_EVERY_MS): RaceReplay {
    const timeline = sessionTimeline(records);
    const builder = RaceStateBuilder.start();
    const keyframes: Keyframe[] = [];
    let nextKeyframe = timeline[0]?.at ?? 0;
    timeline.forEach((timed, index) => {
      if (timed.at >= nextKeyframe) {
        keyframes.push({ index, at: timed.at, state: builder.save() });
        nextKeyframe = timed.at + keyframeEveryMs;
      }
      builder.apply(timed.record, timed.at);
    });
    return new RaceReplay(timeline, keyframes, builder);
  }

  /** The first and the last moment of the session's records. */
  get startsAt(): number {
    return this.timeline[0]?.at ?? 0;
  }

  get endsAt(): number {
    return this.timeline.at(-1)?.at ?? 0;
  }

  /** The state once every record dated at or before `at` is applied. */
  stateAt(at: number): RaceSnapshot {
    if (at >= this.endsAt) return this.final.snapshot(Math.max(at, this.final.at ?? at));
    let low = 0;
    let high = this.keyframes.length - 1;
    // The last keyframe taken before any record later than `at`.
    while (low < high) {
      const middle = Math.ceil((low + high) / 2);
      if ((this.keyframes[middle]?.at ?? Number.POSITIVE_INFINITY) <= at) low = middle;
      else high = middle - 1;
    }
    const keyframe = this.keyframes[low];
    const builder = keyframe ? RaceStateBuilder.restore(keyframe.state) : RaceStateBuilder.start();
    for (let index = keyframe?.index ?? 0; index < this.timeline.length; index += 1) {
      const timed = this.timeline[index];
      if (!timed || timed.at > at) break;
      builder.apply(timed.record, timed.at);
    }
    return builder.snapshot(at);
  }
}
