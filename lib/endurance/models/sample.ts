/** `count` items drawn without replacement, in their original order. */
export function sampleOf<T>(items: readonly T[], count: number, random: () => number): T[] {
  if (items.length <= count) return [...items];
  const drawn = items.map((item, i) => ({ item, i, key: random() }));
  drawn.sort((a, b) => a.key - b.key);
  return drawn
    .slice(0, count)
    .sort((a, b) => a.i - b.i)
    .map(({ item }) => item);
}
