import type { ReactNode } from "react";

/**
 * On a phone, the columns a table hides fold into one cell as a small disclosure: `summary` stays visible, the
 * rest opens on a tap. Hidden from `sm` up, where the columns themselves are shown. The list is styled from its
 * root, not item by item: it repeats in every row of a long table.
 */
export function Folded({ summary, items }: { summary: ReactNode; items: { label: string; value: ReactNode }[] }) {
  return (
    <details className="mt-1 text-xs sm:hidden">
      <summary className="cursor-pointer text-muted">{summary}</summary>
      <dl className="mt-1 grid grid-cols-[auto_1fr] gap-x-3 gap-y-0.5 [&>dt]:text-muted [&>dd]:tabular">
        {items.flatMap((item) => [<dt key={`${item.label}-label`}>{item.label}</dt>, <dd key={`${item.label}-value`}>{item.value}</dd>])}
      </dl>
    </details>
  );
}
