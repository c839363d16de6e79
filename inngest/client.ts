import { eventType, Inngest } from "inngest";
import { z } from "zod";
import { jobRunnerMode } from "@/lib/job-runner-mode";
import { logger } from "@/lib/log";
import { LOCAL_EVENT_KEY, LOCAL_EVENT_ORIGIN, routedFetch } from "./inline/events";
import { cachedSigningKey } from "./inline/keys";

const local = () => jobRunnerMode() === "local";

/**
 * The app's Inngest client. With an Inngest server configured (INNGEST_DEV, INNGEST_BASE_URL, or
 * INNGEST_EVENT_KEY + INNGEST_SIGNING_KEY) the SDK reads those variables itself. Without one, events go to
 * the local executor (inngest/inline) and requests to /api/inngest must carry its installation signature.
 * The getters are read on every use, so the mode follows the environment.
 */
export const inngest = new Inngest({
  id: "pitwall",
  logger: logger("inngest"),
  fetch: routedFetch as typeof fetch,
  get isDev() {
    return local() ? false : undefined;
  },
  get baseUrl() {
    return local() ? LOCAL_EVENT_ORIGIN : undefined;
  },
  get eventKey() {
    return local() ? LOCAL_EVENT_KEY : undefined;
  },
  get signingKey() {
    return local() ? cachedSigningKey() : undefined;
  },
});

/** Data of every "<domain>/<sync>.requested" event: the sync_runs row the run reports to. */
export const syncRequestedData = z.object({ syncRunId: z.uuid() });

/** A typed sync request event, e.g. `syncRequested("raceroom/full-refresh.requested")`, usable as a trigger. */
export function syncRequested<TName extends string>(name: TName) {
  return eventType(name, { schema: syncRequestedData });
}

/** Sent by requestCancel; sync functions list it in `cancelOn` (see lib/jobs/cancel.ts). */
export const syncCancelRequested = eventType("platform/sync.cancel-requested", { schema: syncRequestedData });

/** `cancelOn` for sync functions: the dashboard's Cancel stops the run of that sync run at its next step. */
export const cancelOnSyncCancel = [{ event: syncCancelRequested, match: "data.syncRunId" }];
