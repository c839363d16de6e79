import { RaceStateBuilder } from "@/lib/f1/state/builder";
import type { RaceSnapshot } from "@/lib/f1/state/snapshot";
import type { FeedMessage } from "./message";
import { FeedTranslator, type Translated, type TranslatorOptions } from "./translate";

/** One session followed message by message: the feed's topics merged, their records applied to the race state. */
export class FeedSession {
  readonly translator: FeedTranslator;
  private readonly builder = RaceStateBuilder.start();

  constructor(options: TranslatorOptions = {}) {
    this.translator = new FeedTranslator(options);
  }

  push(message: FeedMessage): Translated {
    const out = this.translator.apply(message);
    // The state never goes back in time: a message dated before the latest one counts at the latest moment.
    const at = Math.max(message.at, this.builder.at ?? message.at);
    for (const record of out.records) this.builder.apply(record, at);
    return out;
  }

  snapshot(): RaceSnapshot {
    return this.builder.snapshot();
  }
}
