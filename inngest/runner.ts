import { connectEventSender } from "@/lib/jobs/events";
import { jobRunnerMode } from "@/lib/env";
import { inngest } from "./client";
import { installLocalTransport } from "./inline/transport";

/**
 * Connects this process to its job runner: lib/ sends events through the Inngest client, which talks to an Inngest
 * server when one is configured, or else to the local executor. `execute` also starts the local executor, which
 * every app instance runs when no Inngest server is configured (they share the work through Postgres).
 */
export async function startJobRunner(options: { execute: boolean }): Promise<void> {
  const local = jobRunnerMode() === "local";
  if (local) installLocalTransport();
  connectEventSender(async (events) => {
    await inngest.send(events);
  });
  if (local && options.execute) {
    const { startLocalExecutor } = await import("./inline/start");
    await startLocalExecutor();
  }
}
