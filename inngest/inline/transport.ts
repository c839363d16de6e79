import { plugInLocalTransport } from "../client";
import { LOCAL_EVENT_KEY, LOCAL_EVENT_ORIGIN, routedFetch } from "./events";
import { cachedSigningKey, loadSigningKey } from "./keys";

/** Plugs the local executor into the Inngest client: events are queued in Postgres, requests signed with the installation key. */
export function installLocalTransport(): void {
  plugInLocalTransport({
    fetch: routedFetch as typeof fetch,
    baseUrl: LOCAL_EVENT_ORIGIN,
    eventKey: LOCAL_EVENT_KEY,
    signingKey: cachedSigningKey,
    prepare: async () => {
      await loadSigningKey();
    },
  });
}
