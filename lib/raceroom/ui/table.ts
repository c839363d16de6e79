// Timing-table styling shared by every RaceRoom table: dense, zebra rows, sticky header under the site header,
// numbers in tabular figures and right-aligned.

/**
 * Wraps a table; clips rather than scrolls sideways so the sticky header keeps sticking to the page. Positioned, so
 * that visually hidden (absolutely positioned) labels inside are clipped with the rest.
 */
export const tableFrame = "relative overflow-x-clip rounded-lg border border-border bg-surface";
export const table = "w-full border-collapse text-sm";
export const headCell =
  "sticky top-[var(--site-header-height)] z-10 border-b border-border bg-surface-2 px-2 py-2 text-left text-xs font-semibold uppercase tracking-wide text-muted sm:px-3";
export const row = "border-b border-border/60 last:border-b-0 even:bg-surface-2/40";
export const cell = "px-2 py-1.5 align-top sm:px-3";
export const numberCell = `${cell} tabular text-right whitespace-nowrap`;
/** Columns a phone folds into the row's detail. */
export const wideOnly = "hidden sm:table-cell";
/** The followed driver's row. */
export const highlightRow = "!bg-accent/15 outline outline-2 -outline-offset-2 outline-accent scroll-mt-40";
