import { Cron } from "croner";
import { z } from "zod";
import { compileCondition, compileKey, type Scope } from "./expressions";

// The function configuration an Inngest server receives when it syncs the app (PUT /api/inngest, in-band).
const concurrencyItem = z.object({
  limit: z.number().int().min(0),
  key: z.string().optional(),
  scope: z.enum(["fn", "env", "account"]).optional(),
});
const functionConfig = z.looseObject({
  id: z.string(),
  name: z.string().optional(),
  triggers: z.array(
    z.union([
      z.object({ cron: z.string(), jitter: z.string().optional() }),
      z.object({ event: z.string(), expression: z.string().optional() }),
    ]),
  ),
  steps: z.record(z.string(), z.looseObject({ retries: z.object({ attempts: z.number().int().min(0) }).optional() })),
  concurrency: z.union([z.number().int(), concurrencyItem, z.array(concurrencyItem)]).optional(),
  cancel: z.array(z.object({ event: z.string(), if: z.string().optional(), timeout: z.string().optional() })).optional(),
});
export const syncResponse = z.looseObject({ functions: z.array(functionConfig) });
type FunctionConfig = z.infer<typeof functionConfig>;

// Flow-control options that change when or whether a run starts; refused rather than silently ignored.
const UNSUPPORTED = ["throttle", "rateLimit", "debounce", "batchEvents", "idempotency", "singleton", "priority", "timeouts"];
const DEFAULT_RETRIES = 3;

export interface Concurrency {
  limit: number;
  key: (event: unknown) => string;
  scopePrefix: string;
}

export interface LoadedFunction {
  id: string;
  name: string;
  maxAttempts: number;
  events: { name: string; matches: (name: string) => boolean; condition?: (scope: Scope) => boolean }[];
  crons: { expression: string; schedule: Cron }[];
  concurrency: Concurrency[];
  cancelOn: { event: string; condition?: (scope: Scope) => boolean }[];
}

/** Turns synced configs into what the executor needs, refusing anything it would get wrong. */
export function loadFunctions(configs: FunctionConfig[]): LoadedFunction[] {
  return configs.map((config) => {
    const unsupported = UNSUPPORTED.filter((option) => config[option] !== undefined && config[option] !== null);
    if (unsupported.length > 0) {
      throw new Error(
        `Function "${config.id}" uses ${unsupported.join(", ")}, which the local job executor does not support. ` +
          "Use `concurrency`, or run an Inngest server (see README: Background jobs).",
      );
    }
    const step = Object.values(config.steps)[0];
    const retries = step?.retries?.attempts ?? DEFAULT_RETRIES;
    const events: LoadedFunction["events"] = [];
    const crons: LoadedFunction["crons"] = [];
    for (const trigger of config.triggers) {
      if ("cron" in trigger) {
        crons.push({ expression: trigger.cron, schedule: parseCron(trigger.cron, config.id) });
      } else {
        events.push({
          name: trigger.event,
          matches: eventMatcher(trigger.event),
          condition: trigger.expression ? compileCondition(trigger.expression) : undefined,
        });
      }
    }
    const concurrency = (Array.isArray(config.concurrency) ? config.concurrency : config.concurrency === undefined ? [] : [config.concurrency])
      .map((item) => (typeof item === "number" ? { limit: item } : item))
      .filter((item) => item.limit > 0)
      .map((item) => ({
        limit: item.limit,
        key: item.key ? compileKey(item.key) : () => "",
        scopePrefix: item.scope === "env" || item.scope === "account" ? `${item.scope}:${item.key ?? ""}` : `fn:${config.id}`,
      }));
    const cancelOn = (config.cancel ?? []).map((cancel) => {
      if (cancel.timeout) throw new Error(`Function "${config.id}": cancelOn with a timeout is not supported by the local job executor.`);
      return { event: cancel.event, condition: cancel.if ? compileCondition(cancel.if) : undefined };
    });
    return { id: config.id, name: config.name ?? config.id, maxAttempts: retries + 1, events, crons, concurrency, cancelOn };
  });
}

function eventMatcher(pattern: string): (name: string) => boolean {
  if (pattern.endsWith("*")) {
    const prefix = pattern.slice(0, -1);
    return (name) => name.startsWith(prefix);
  }
  return (name) => name === pattern;
}

/** Inngest cron syntax: five fields, optionally prefixed with `TZ=Area/City`. */
function parseCron(expression: string, functionId = "?"): Cron {
  const match = /^(?:CRON_)?TZ=(\S+)\s+(.+)$/.exec(expression.trim());
  const timezone = match?.[1] ?? "UTC";
  const pattern = match?.[2] ?? expression.trim();
  try {
    return new Cron(pattern, { timezone, paused: true });
  } catch (error) {
    throw new Error(`Function "${functionId}" has an invalid cron "${expression}": ${error instanceof Error ? error.message : error}`);
  }
}

/** The concurrency scopes a run counts against, fixed when the run is created from its event. */
export function concurrencyScopes(fn: LoadedFunction, event: unknown): { key: string; limit: number }[] {
  return fn.concurrency.map((c) => ({ key: `${c.scopePrefix}:${c.key(event)}`, limit: c.limit }));
}
