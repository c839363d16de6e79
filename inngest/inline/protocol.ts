import { z } from "zod";
import { signatureHeader } from "./keys";

/** A serve handler as `serve()` from inngest/next returns it: one function per HTTP method. */
export interface ServeHandler {
  GET: (request: never, context: unknown) => Promise<Response>;
  POST: (request: never, context: unknown) => Promise<Response>;
  PUT: (request: never, context: unknown) => Promise<Response>;
}

// The origin only names the endpoint inside the request; nothing goes over the network.
const SERVE_URL = "http://localhost/api/inngest";

export interface StepState {
  [stepId: string]: { data: unknown } | { error: unknown };
}

export interface CallInput {
  functionId: string;
  /** "step" to let the function discover its next step, or the id of a planned step to run it. */
  stepId: string;
  runId: string;
  event: Record<string, unknown>;
  steps: StepState;
  stack: string[];
  attempt: number;
  maxAttempts: number;
}

const op = z.looseObject({
  id: z.string(),
  op: z.string(),
  name: z.string().optional(),
  displayName: z.string().optional(),
  data: z.unknown().optional(),
  error: z.unknown().optional(),
});
export type Op = z.infer<typeof op>;

export type CallResult =
  | { kind: "complete"; output: unknown }
  | { kind: "ops"; ops: Op[]; retryAfter?: string }
  | { kind: "error"; error: string; retriable: boolean; retryAfter?: string };

/** Calls the function the way an Inngest server does: a signed POST with the event, step state and attempt. */
export async function callFunction(handler: ServeHandler, signingKey: string, input: CallInput): Promise<CallResult> {
  const body = {
    version: -1,
    event: input.event,
    events: [input.event],
    steps: input.steps,
    // fn_id stays out: with it, the SDK would checkpoint through the Inngest API between steps.
    ctx: {
      run_id: input.runId,
      attempt: input.attempt,
      max_attempts: input.maxAttempts,
      stack: { stack: input.stack, current: input.stack.length - 1 },
    },
  };
  const url = `${SERVE_URL}?fnId=${encodeURIComponent(input.functionId)}&stepId=${encodeURIComponent(input.stepId)}`;
  const response = await handler.POST(signedRequest("POST", url, body, signingKey) as never, undefined);
  const text = await response.text();
  const retryAfter = response.headers.get("retry-after") ?? undefined;
  if (response.status === 200) return { kind: "complete", output: text ? (JSON.parse(text) as unknown) : null };
  if (response.status === 206) return { kind: "ops", ops: z.array(op).parse(JSON.parse(text)), retryAfter };
  return {
    kind: "error",
    error: errorText(text, response.status),
    retriable: response.headers.get("x-inngest-no-retry") !== "true",
    retryAfter,
  };
}

/** In-band sync: the function configurations, as an Inngest server fetches them when it syncs an app. */
export async function syncFunctions(handler: ServeHandler, signingKey: string): Promise<unknown> {
  const body = { url: SERVE_URL };
  const request = signedRequest("PUT", SERVE_URL, body, signingKey, { "x-inngest-sync-kind": "in_band" });
  const response = await handler.PUT(request as never, undefined);
  const text = await response.text();
  if (response.status !== 200 || response.headers.get("x-inngest-sync-kind") !== "in_band") {
    throw new Error(`Syncing the Inngest functions failed (${response.status}): ${errorText(text, response.status)}`);
  }
  return JSON.parse(text) as unknown;
}

function signedRequest(method: string, url: string, body: unknown, signingKey: string, headers: Record<string, string> = {}) {
  return new Request(url, {
    method,
    body: JSON.stringify(body),
    headers: { "content-type": "application/json", "x-inngest-signature": signatureHeader(body, signingKey), ...headers },
  });
}

/** A readable message from an SDK error body (a serialized Error) or whatever else came back. */
export function errorText(text: string, status?: number): string {
  try {
    return describeError(JSON.parse(text) as unknown);
  } catch {
    return text.slice(0, 500) || `HTTP ${status}`;
  }
}

function describeError(error: unknown): string {
  if (typeof error === "object" && error !== null) {
    const record = error as Record<string, unknown>;
    const message = typeof record.message === "string" ? record.message : typeof record.error === "string" ? record.error : undefined;
    if (message) return typeof record.name === "string" && record.name !== "Error" ? `${record.name}: ${message}` : message;
  }
  return typeof error === "string" ? error : JSON.stringify(error);
}
