// One colour per car class across every table and chart: picked from the class id, so it never changes between pages.
const PALETTE = ["#e11d48", "#2563eb", "#16a34a", "#d97706", "#7c3aed", "#0891b2", "#db2777", "#65a30d", "#ea580c", "#4f46e5", "#0d9488", "#ca8a04"];

export function classColor(classId: number): string {
  return PALETTE[Math.abs(classId) % PALETTE.length]!;
}

/** The class name with its colour swatch (the name is always there, so colour is never the only signal). */
export function ClassBadge({ classId, name }: { classId: number; name: string }) {
  return (
    <span className="inline-flex items-baseline gap-1.5">
      <span aria-hidden className="inline-block h-2.5 w-2.5 shrink-0 translate-y-px rounded-sm" style={{ backgroundColor: classColor(classId) }} />
      <span>{name}</span>
    </span>
  );
}
