import { Inngest } from "inngest";
import { jobRunnerMode } from "@/lib/env";
import { logger } from "@/lib/log";

/**
 * How the client reaches a job runner that is not an Inngest server: the local executor plugs itself in here
 * (inngest/inline/transport.ts) when an instance runs without INNGEST_* settings. The client needs nothing else of it.
 */
export interface LocalTransport {
  fetch: typeof fetch;
  /** Where event sends go (answered in-process). */
  baseUrl: string;
  eventKey: string;
  /** The installation's signing key, once loaded: requests to /api/inngest must carry its signature. */
  signingKey(): string | undefined;
  /** Loads what verifying requests needs (the signing key) before the serve handler answers. */
  prepare(): Promise<void>;
}

// Shared through globalThis: Next bundles instrumentation (which plugs the transport in) and route handlers apart.
const g = globalThis as unknown as { __pitwallTransport?: LocalTransport };

export function plugInLocalTransport(transport: LocalTransport | undefined): void {
  g.__pitwallTransport = transport;
}

/** The plugged-in transport, while the settings name no Inngest server. */
export function localTransport(): LocalTransport | undefined {
  return jobRunnerMode() === "local" ? g.__pitwallTransport : undefined;
}

/**
 * The app's Inngest client. With an Inngest server configured (INNGEST_DEV, INNGEST_BASE_URL, or INNGEST_EVENT_KEY +
 * INNGEST_SIGNING_KEY) the SDK reads those variables itself; with the local transport plugged in, events and
 * signatures go through it. The getters are read on every use, so the client follows the runner of the moment.
 */
export const inngest = new Inngest({
  id: "pitwall",
  logger: logger("inngest"),
  fetch: ((input: RequestInfo | URL, init?: RequestInit) => (localTransport()?.fetch ?? fetch)(input, init)) as typeof fetch,
  get isDev() {
    return localTransport() ? false : undefined;
  },
  get baseUrl() {
    return localTransport()?.baseUrl;
  },
  get eventKey() {
    return localTransport()?.eventKey;
  },
  get signingKey() {
    return localTransport()?.signingKey();
  },
});
