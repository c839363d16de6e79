import { createHash, randomUUID } from "node:crypto";
import { z } from "zod";
import { sql, type Sql } from "@/lib/db";

/** Where the Inngest client sends events when no Inngest server is configured; never leaves the process. */
export const LOCAL_EVENT_ORIGIN = "http://local-executor.pitwall.invalid";
export const LOCAL_EVENT_KEY = "local";
/** Executors LISTEN here; a NOTIFY means new events or runs are waiting. */
export const WAKE_CHANNEL = "pitwall_jobs";

const sentEvent = z.looseObject({
  name: z.string().min(1),
  data: z.record(z.string(), z.unknown()).default({}),
  id: z.string().min(1).optional(),
  ts: z.number().optional(),
});

/**
 * Stores events for the executors to turn into runs. An event id doubles as an idempotency key, as on Inngest:
 * the same id twice is one event. Without an id, the client's per-send seed makes HTTP-level retries idempotent.
 */
export async function enqueueEvents(events: unknown[], seed?: string, client: Sql = sql()): Promise<string[]> {
  const parsed = z.array(sentEvent).parse(events);
  const rows = parsed.map((event, index) => {
    const id = event.id ?? (seed ? seededId(seed, index) : randomUUID());
    return { id, name: event.name, payload: { ...event, id, ts: event.ts ?? Date.now() } };
  });
  if (rows.length === 0) return [];
  await client`
    insert into job_events (id, name, payload)
    select * from unnest(${rows.map((r) => r.id)}::text[], ${rows.map((r) => r.name)}::text[], ${rows.map((r) => JSON.stringify(r.payload))}::jsonb[])
    on conflict (id) do nothing`;
  await client`select pg_notify(${WAKE_CHANNEL}, 'events')`;
  return rows.map((r) => r.id);
}

function seededId(seed: string, index: number): string {
  return createHash("sha256").update(`${seed}:${index}`).digest("hex").slice(0, 32);
}

/**
 * The Inngest client's fetch: requests to LOCAL_EVENT_ORIGIN are answered here (`POST /e/<key>` queues the
 * events), everything else goes to the network as usual.
 */
export async function routedFetch(input: RequestInfo | URL, init?: RequestInit): Promise<Response> {
  const url = new URL(input instanceof Request ? input.url : String(input));
  if (url.origin !== LOCAL_EVENT_ORIGIN) return fetch(input, init);
  const method = (init?.method ?? (input instanceof Request ? input.method : "GET")).toUpperCase();
  if (method !== "POST" || !/^\/e\/[^/]+$/.test(url.pathname)) {
    return Response.json(
      { error: `The local job executor only accepts events (POST /e/<key>), not ${method} ${url.pathname}` },
      { status: 404 },
    );
  }
  const body = init?.body ?? (input instanceof Request ? await input.text() : undefined);
  try {
    const events = JSON.parse(typeof body === "string" ? body : "[]") as unknown;
    const seed = new Headers(init?.headers).get("x-inngest-event-id-seed") ?? undefined;
    const ids = await enqueueEvents(Array.isArray(events) ? events : [events], seed);
    return Response.json({ ids, status: 200 });
  } catch (error) {
    const message = error instanceof z.ZodError ? z.prettifyError(error) : error instanceof Error ? error.message : String(error);
    return Response.json({ ids: [], status: 400, error: message }, { status: 400 });
  }
}
