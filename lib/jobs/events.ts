import type { JobEvent } from "./job";

// The one port from lib/ to the job runner: lib/ sends events, the runner that this process connected delivers them
// (inngest/runner.ts connects the Inngest client at start; tests and scripts connect it the same way).

/** Sent by requestCancel; every sync job stops at its next step when it names the job's sync run. */
export const SYNC_CANCEL_EVENT = "platform/sync.cancel-requested";

export type EventSender = (events: JobEvent[]) => Promise<void>;

// Shared through globalThis: Next bundles instrumentation (which connects) and route handlers (which send) apart.
const g = globalThis as unknown as { __pitwallEventSender?: EventSender };

export function connectEventSender(sender: EventSender): void {
  g.__pitwallEventSender = sender;
}

export async function sendEvents(events: JobEvent[]): Promise<void> {
  const send = g.__pitwallEventSender;
  if (!send) {
    throw new Error("No job runner is connected in this process: start the app with `npm start` (or call startJobRunner in a script)");
  }
  await send(events);
}
