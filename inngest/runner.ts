import { jobRunnerMode } from "@/lib/env";
import { connectEventSender } from "@/lib/jobs/events";
import { inngest } from "./client";
import { installLocalTransport } from "./inline/transport";

export interface JobRunner {
  /** Hands the runs this process holds back to the others and stops taking work (no-op without an executor). */
  stop(): Promise<void>;
}

/**
 * Connects this process to its job runner: lib/ sends events through the Inngest client, which talks to an Inngest
 * server when one is configured, or else to the local executor. `execute` also starts the local executor, which
 * every app instance runs when no Inngest server is configured (they share the work through Postgres).
 */
export async function startJobRunner(options: { execute: boolean }): Promise<JobRunner> {
  const local = jobRunnerMode() === "local";
  if (local) installLocalTransport();
  connectEventSender(async (events) => {
    await inngest.send(events);
  });
  if (!local || !options.execute) return { stop: async () => {} };
  const { startLocalExecutor } = await import("./inline/start");
  const executor = await startLocalExecutor();
  return { stop: () => executor.stop() };
}
