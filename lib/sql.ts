// SQL fragments shared by read models.

/**
 * A timestamp column as ISO 8601 text in UTC ("2025-01-15T14:30:00.000Z"): the shared Postgres client returns
 * timestamps as raw text (Drizzle's driver turns off postgres.js date parsing), so read models format them in SQL.
 */
export function isoTime(expression: string): string {
  return `to_char((${expression}) at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;
}
