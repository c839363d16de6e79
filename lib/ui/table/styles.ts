// Timing-table styling shared by every table of the site and the admin: dense, zebra rows, sticky header, numbers in
// tabular figures and right-aligned, columns that fold away on a phone.

/** Wraps a table whose header sticks under the site header; clips rather than scrolls sideways, so the header keeps sticking. */
export const pageFrame = "relative overflow-x-clip rounded-lg border border-border bg-surface";
/** Wraps a long table that scrolls inside its own box (at most 75 % of the screen), its header sticking to the box. */
export const boxFrame = "relative max-h-[75vh] overflow-auto rounded-lg border border-border bg-surface focus-visible:outline-2 focus-visible:outline-accent";
// Rows and body cells are styled once here rather than on each of them: a 50-row table would otherwise repeat the same
// classes 500 times in its HTML and again in the page's payload.
export const table =
  "w-full border-collapse text-sm [&>tbody>tr]:border-b [&>tbody>tr]:border-border/60 [&>tbody>tr:last-child]:border-b-0 " +
  "[&>tbody>tr:nth-child(even)]:bg-surface-2/40 [&>tbody>tr>td]:px-2 [&>tbody>tr>td]:py-1.5 [&>tbody>tr>td]:align-top sm:[&>tbody>tr>td]:px-3";
// The line under the header is a shadow: a collapsed border stays with the table when the header sticks.
const headBase =
  "z-10 bg-surface-2 px-2 py-2 text-left text-xs font-semibold uppercase tracking-wide text-muted shadow-[inset_0_-1px_0_var(--border)] sm:px-3";
/** Sticks under the site header (lib/ui/site-header.tsx): two rows high on a phone, one from `sm` up. */
export const pageHeadCell = `sticky top-[89px] sm:top-[53px] ${headBase}`;
export const boxHeadCell = `sticky top-0 ${headBase}`;
export const numeric = "tabular text-right whitespace-nowrap";
/** The followed driver's or car's row. */
export const highlightRow = "!bg-accent/15 outline outline-2 -outline-offset-2 outline-accent scroll-mt-40";

/** The link or button of a sortable column's header; `sorted` when the rows are in its order. */
export const sortControl = "inline-flex items-center gap-1 uppercase hover:text-fg";
export const sortedControl = `${sortControl} text-fg`;

/** Columns hidden below a breakpoint (their content folds into another cell there). */
export const shownFrom = { sm: "hidden sm:table-cell", md: "hidden md:table-cell", lg: "hidden lg:table-cell" } as const;
export type Breakpoint = keyof typeof shownFrom;
