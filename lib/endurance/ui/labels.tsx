import { formatLapTime } from "@/lib/ui/format";

// Small timing labels of the endurance pages: class badges in one colour per class, gaps, lap times, flags.

const PALETTE = ["#e11d48", "#2563eb", "#16a34a", "#d97706", "#7c3aed", "#0891b2", "#db2777", "#65a30d"];

/** One colour per class name on every table and chart (hashed, so it never changes between pages). */
export function classColor(carClass: string | null): string {
  let hash = 0;
  for (const char of carClass ?? "") hash = (hash * 31 + char.charCodeAt(0)) >>> 0;
  return PALETTE[hash % PALETTE.length]!;
}

export function ClassBadge({ carClass }: { carClass: string | null }) {
  return (
    <span className="inline-flex items-baseline gap-1.5 whitespace-nowrap">
      <span aria-hidden className="inline-block h-2.5 w-2.5 shrink-0 translate-y-px rounded-sm" style={{ backgroundColor: classColor(carClass) }} />
      <span>{carClass ?? "No class"}</span>
    </span>
  );
}

export interface GapValue {
  laps: number;
  ms: number | null;
}

/** "+12.345", "+1 LAP", "+3 LAPS", or a dash for the leader. */
export function gapText(gap: GapValue | null): string {
  if (!gap) return "–";
  if (gap.laps > 0) return `+${gap.laps} LAP${gap.laps === 1 ? "" : "S"}`;
  return gap.ms === null ? "–" : `+${(gap.ms / 1000).toFixed(3)}`;
}

export function LapTime({ ms, best }: { ms: number | null; best?: boolean }) {
  if (ms === null) return <span className="text-muted">–</span>;
  return (
    <span className={best ? "font-semibold text-purple" : undefined}>
      {formatLapTime(ms)}
      {best ? <span className="sr-only"> (best in class)</span> : null}
    </span>
  );
}

/** Race time as h:mm:ss. */
export function raceClock(ms: number): string {
  const total = Math.max(0, Math.floor(ms / 1000));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  return `${h}:${String(m).padStart(2, "0")}:${String(s).padStart(2, "0")}`;
}

const FLAG_LABELS: Record<string, { label: string; className: string }> = {
  green: { label: "Green", className: "bg-green-700 text-white" },
  yellow: { label: "Yellow", className: "bg-yellow-300 text-black" },
  fcy: { label: "Full-course yellow", className: "bg-yellow-300 text-black" },
  "safety-car": { label: "Safety car", className: "bg-amber-400 text-black" },
  red: { label: "Red", className: "bg-red-700 text-white" },
  chequered: { label: "Chequered", className: "bg-neutral-900 text-white dark:bg-white dark:text-black" },
};

export function FlagBadge({ flag }: { flag: string | null }) {
  const shown = flag ? FLAG_LABELS[flag] : undefined;
  if (!shown) return null;
  return <span className={`rounded px-1.5 py-0.5 text-xs font-semibold ${shown.className}`}>{shown.label}</span>;
}

const utc = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });

/** A scheduled time in UTC, named as such ("2 Jan 2027, 08:07 UTC"). */
export function utcTime(iso: string): string {
  return `${utc.format(new Date(iso))} UTC`;
}
