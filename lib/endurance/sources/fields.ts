// JSON feeds write the same value as a number, a numeric string or a placeholder ("-", "---", "") depending on
// the moment; these helpers read one field whatever its shape.

const PLACEHOLDER = /^[-.:\s]*$/;

/** Text of a value (numbers as written), null for blanks and placeholders. */
export function textOf(value: unknown): string | null {
  if (typeof value === "number" && Number.isFinite(value)) return String(value);
  if (typeof value !== "string") return null;
  const text = fixMojibake(value.trim());
  return PLACEHOLDER.test(text) ? null : text;
}

/** A whole number >= 0 from a number or numeric string, else null. */
export function countOf(value: unknown): number | null {
  const text = textOf(value);
  return text !== null && /^\d+$/.test(text) ? Number(text) : null;
}

/** The live feed's pit flag: true, 1, "1", "Y", "Yes", "In". */
export function yes(value: unknown): boolean {
  if (typeof value === "boolean") return value;
  const text = textOf(value)?.toLowerCase();
  return text === "1" || text === "y" || text === "yes" || text === "true" || text === "in";
}

// Feeds that encode UTF-8 twice show "Ã©" for "é"; such text is re-read as UTF-8 when that works.
const MOJIBAKE = /[ÃÂ]/;
const strictUtf8 = new TextDecoder("utf-8", { fatal: true });

function fixMojibake(text: string): string {
  if (!MOJIBAKE.test(text)) return text;
  for (let i = 0; i < text.length; i += 1) if (text.charCodeAt(i) > 0xff) return text;
  const bytes = Uint8Array.from(text, (char) => char.charCodeAt(0));
  try {
    return strictUtf8.decode(bytes);
  } catch {
    return text;
  }
}
