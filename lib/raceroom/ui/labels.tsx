import type { Difficulty } from "@/lib/raceroom/listing";
import { formatCount, formatGap, formatLapTime } from "@/lib/ui/format";

// Small, consistent renderings of RaceRoom values for every table and card.

/** "2025-01-15" (UTC), with the exact time on hover. */
export function Day({ iso }: { iso: string | null }) {
  if (!iso) return <span className="text-muted">–</span>;
  return (
    <time dateTime={iso} title={iso.replace("T", " ").replace(/\.\d+Z$/, " UTC")}>
      {iso.slice(0, 10)}
    </time>
  );
}

/** The lap time; the leaderboard's record in purple, marked with a symbol too (colour is never the only signal). */
export function LapTime({ ms, record = false }: { ms: number; record?: boolean }) {
  return record ? (
    <span className="font-semibold text-purple" title="Record of the leaderboard">
      <span aria-hidden>◆ </span>
      {formatLapTime(ms)}
      <span className="sr-only"> (record)</span>
    </span>
  ) : (
    <span>{formatLapTime(ms)}</span>
  );
}

/** Gap to the record: "+1.333", or a dash for the record holder. */
export function Gap({ ms }: { ms: number }) {
  return ms <= 0 ? (
    <span className="text-muted">
      <span aria-hidden>–</span>
      <span className="sr-only">leader</span>
    </span>
  ) : (
    <span>{formatGap(ms)}</span>
  );
}

export function Country({ code, name }: { code: string | null; name: string | null }) {
  if (!code && !name) return <span className="text-muted">–</span>;
  return (
    <span title={name ?? undefined} className="font-mono text-xs uppercase">
      {code ?? name}
    </span>
  );
}

const difficultyStyle: Record<Difficulty, string> = {
  "Get Real": "border-fg/40 text-fg",
  Amateur: "border-border text-muted",
  Novice: "border-border text-muted italic",
};

export function DifficultyBadge({ difficulty }: { difficulty: Difficulty | null }) {
  if (!difficulty) return <span className="text-muted">–</span>;
  return <span className={`whitespace-nowrap rounded border px-1.5 py-px text-xs ${difficultyStyle[difficulty]}`}>{difficulty}</span>;
}

/** "P3 / 1,204" */
export function PositionOf({ position, total }: { position: number; total: number }) {
  return (
    <span className="whitespace-nowrap">
      <span className="font-semibold">P{position}</span>
      <span className="text-muted"> / {formatCount(total)}</span>
    </span>
  );
}
