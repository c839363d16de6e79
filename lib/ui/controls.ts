// Form controls, buttons and text links shared by the site and the admin, so every form looks the same.

/** A field's label, its control under it. */
export const fieldLabel = "flex flex-col gap-1 text-xs font-medium text-muted";
/** A select or text input. */
export const control =
  "rounded-md border border-border bg-surface px-2 py-1.5 text-sm text-fg placeholder:text-muted focus:border-accent focus:outline-none focus:ring-2 focus:ring-accent/30";

const buttonBase =
  "inline-flex items-center justify-center whitespace-nowrap rounded-md border px-3 py-1.5 text-sm font-medium focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-accent disabled:cursor-not-allowed";
export const button = `${buttonBase} border-border bg-surface hover:bg-surface-2 disabled:opacity-50`;
/** The one main action of a card or form. */
export const primaryButton = `${buttonBase} border-accent bg-accent text-accent-fg hover:opacity-90 disabled:border-border disabled:bg-surface-2 disabled:text-muted disabled:opacity-100`;

/** A link inside text or a table cell: underlined quietly, fully on hover. */
export const link = "underline decoration-border underline-offset-2 hover:decoration-current";
