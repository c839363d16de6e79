/** 1536 -> "1.5 kB"; decimal units, as network tools show them. */
export function formatBytes(bytes: number): string {
  if (bytes < 1000) return `${bytes} B`;
  const units = ["kB", "MB", "GB", "TB"];
  let value = bytes / 1000;
  let unit = 0;
  while (value >= 1000 && unit < units.length - 1) {
    value /= 1000;
    unit++;
  }
  return `${value.toFixed(value < 10 ? 1 : 0)} ${units[unit]}`;
}

/** 0.0432 -> "4.3 %"; exact zero and one stay round. */
export function formatPercent(ratio: number): string {
  if (ratio === 0 || ratio === 1) return `${ratio * 100} %`;
  const pct = ratio * 100;
  return `${pct < 0.1 ? "<0.1" : pct.toFixed(1)} %`;
}
