/** A search parameter as one string: the first of repeated values, nothing for an empty one. */
export function firstParam(value: string | string[] | undefined): string | undefined {
  const first = Array.isArray(value) ? value[0] : value;
  return first === undefined || first === "" ? undefined : first;
}

/** A positive whole number from a search parameter, or undefined for anything else. */
export function idParam(value: string | string[] | undefined): number | undefined {
  const text = firstParam(value);
  if (!text || !/^\d{1,15}$/.test(text)) return undefined;
  const id = Number(text);
  return id > 0 ? id : undefined;
}
