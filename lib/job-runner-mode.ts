/**
 * Which background job runner this instance uses: an Inngest server when one is configured (the SDK reads the
 * same variables), else the local executor (inngest/inline).
 */
export function jobRunnerMode(): "inngest-dev" | "inngest-self-hosted" | "inngest-cloud" | "local" {
  const dev = process.env.INNGEST_DEV;
  if (dev && dev !== "0" && dev.toLowerCase() !== "false") return "inngest-dev";
  if (process.env.INNGEST_BASE_URL) return "inngest-self-hosted";
  if (process.env.INNGEST_EVENT_KEY && process.env.INNGEST_SIGNING_KEY) return "inngest-cloud";
  return "local";
}
