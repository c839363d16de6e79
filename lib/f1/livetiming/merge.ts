/**
 * The live-timing feed sends a topic's full state once (the keyframe) and then deltas: objects merge key by key, and
 * an array is updated through an object whose keys are indexes (`{"0": {...}}` changes the first element, a new
 * index appends). `_deleted` lists keys to drop; `_kf` only marks a keyframe.
 */

export type FeedValue = null | boolean | number | string | FeedValue[] | { [key: string]: FeedValue };
export type FeedObject = { [key: string]: FeedValue };

const isObject = (value: unknown): value is FeedObject => typeof value === "object" && value !== null && !Array.isArray(value);

/**
 * Merges `delta` into `base` in place where both are containers, and returns the merged value. Nothing of `delta` is
 * aliased: what it brings is copied, so a message can be merged again elsewhere.
 */
export function mergeFeed(base: FeedValue | undefined, delta: FeedValue): FeedValue {
  if (Array.isArray(delta)) return delta.map((item) => mergeFeed(undefined, item));
  if (!isObject(delta)) return delta;
  if (Array.isArray(base)) {
    for (const [key, value] of Object.entries(delta)) {
      const index = Number(key);
      if (!Number.isInteger(index) || index < 0) continue;
      base[index] = mergeFeed(base[index], value);
    }
    // An index past the end leaves holes; a hole is an element the feed has not sent yet.
    for (let index = 0; index < base.length; index += 1) base[index] ??= null;
    return base;
  }
  const target: FeedObject = isObject(base) ? base : {};
  for (const [key, value] of Object.entries(delta)) {
    if (key === "_kf") continue;
    if (key === "_deleted") {
      if (Array.isArray(value)) for (const gone of value) delete target[String(gone)];
      continue;
    }
    target[key] = mergeFeed(target[key], value);
  }
  return target;
}
