/** Which background job runner this instance uses: an Inngest server when configured, else the local executor. */
export function jobRunnerMode(): "inngest-cloud" | "inngest-dev" | "local" {
  if (process.env.INNGEST_DEV || process.env.INNGEST_BASE_URL) return "inngest-dev";
  if (process.env.INNGEST_EVENT_KEY && process.env.INNGEST_SIGNING_KEY) return "inngest-cloud";
  return "local";
}
