import { formatCount } from "./format";

export interface Figure {
  label: string;
  value: number | string;
}

/**
 * A section's headline figures, counts grouped in thousands: compact columns on its home-page card, or a row of
 * tiles on the section's own page.
 */
export function SectionFigures({ figures, tiles = false }: { figures: Figure[]; tiles?: boolean }) {
  return (
    <dl className={tiles ? "grid grid-cols-2 gap-4 sm:grid-cols-4" : "mt-4 grid grid-cols-2 gap-3 sm:grid-cols-3"}>
      {figures.map((f) => (
        <div key={f.label} className={tiles ? "rounded-lg border border-border bg-surface p-4" : undefined}>
          <dt className="text-xs uppercase tracking-wide text-muted">{f.label}</dt>
          <dd className={`tabular font-semibold ${tiles ? "text-2xl" : "text-xl"}`}>{typeof f.value === "number" ? formatCount(f.value) : f.value}</dd>
        </div>
      ))}
    </dl>
  );
}
