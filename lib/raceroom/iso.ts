// The shared Postgres client returns timestamps as raw text (Drizzle's driver turns off postgres.js date
// parsing), so read models format them in SQL: ISO 8601 in UTC, e.g. "2025-01-15T14:30:00.000Z".
export function isoTime(expression: string): string {
  return `to_char((${expression}) at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;
}
