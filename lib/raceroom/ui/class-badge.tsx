// One colour per car class across every table and chart: picked from the class id, so it never changes between pages.
// The colours are theme tokens (--class-0 … --class-11 in app/globals.css), so each reads as text in both themes.
const CLASS_COLOURS = 12;

export function classColor(classId: number): string {
  return `var(--class-${Math.abs(classId) % CLASS_COLOURS})`;
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
