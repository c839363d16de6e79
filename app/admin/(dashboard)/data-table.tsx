/** Dense, calm admin tables: sticky header, zebra rows, numbers right-aligned in tabular figures. */
export function DataTable({ label, children, tall = false }: { label: string; children: React.ReactNode; tall?: boolean }) {
  return (
    <div className={`relative overflow-auto rounded-lg border border-border bg-surface ${tall ? "max-h-[75vh]" : ""}`}>
      <table
        aria-label={label}
        className="w-full border-collapse text-sm [&_tbody_tr:nth-child(even)]:bg-surface-2/60 [&_tbody_tr]:border-t [&_tbody_tr]:border-border/60"
      >
        {children}
      </table>
    </div>
  );
}

export const th = "sticky top-0 z-10 whitespace-nowrap bg-surface px-2 py-2 sm:px-3 text-left text-xs font-medium uppercase tracking-wide text-muted shadow-[inset_0_-1px_0_var(--border)]";
export const thNum = `${th} text-right`;
export const td = "px-2 py-1.5 align-top sm:px-3";
export const tdNum = `${td} tabular whitespace-nowrap text-right`;

export const filterLabel = "block text-xs font-medium text-muted";
export const filterControl =
  "mt-1 block w-full rounded-md border border-border bg-surface px-2 py-1.5 text-sm focus-visible:outline-2 focus-visible:outline-accent";
const buttonBase =
  "inline-flex items-center justify-center whitespace-nowrap rounded-md border px-3 py-1.5 text-sm font-medium focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-accent disabled:cursor-not-allowed";
export const button = `${buttonBase} border-border bg-surface hover:bg-surface-2 disabled:opacity-50`;
/** The one main action of a card or form. */
export const primaryButton = `${buttonBase} border-accent bg-accent text-accent-fg hover:opacity-90 disabled:border-border disabled:bg-surface-2 disabled:text-muted disabled:opacity-100`;
export const link = "underline decoration-border underline-offset-2 hover:decoration-current";
