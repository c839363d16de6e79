import { z } from "zod";
import { faultPatchSchema, FaultProfileError } from "./faults";
import { SimControlError } from "./control-error";
import type { SimResponse, SimulatorCore } from "./server";

const resetSchema = z.strictObject({ seed: z.number().int().min(0).max(0xffffffff).optional() });
const faultUpdateSchema = faultPatchSchema.extend({ prefix: z.string().optional() });

/**
 * The control API tests and scripts use: reset, fault profiles, counters, and actions forwarded to an
 * upstream. Every body is validated; bad input gets a 400 that says what is wrong.
 */
export async function handleControl(core: SimulatorCore, method: string, pathname: string, rawBody: string): Promise<SimResponse> {
  const route = pathname.split("/").filter(Boolean).slice(1);
  try {
    const body = parseJson(rawBody);
    const [first, action, ...rest] = route;
    if (first === "reset" && route.length === 1) {
      if (method !== "POST") return notAllowed(method, pathname);
      const { seed } = resetSchema.parse(body ?? {});
      core.reset(seed);
      return { body: { seed: core.seed() } };
    }
    if (first === "faults" && route.length === 1) {
      if (method === "GET") return { body: core.faults.snapshot(core.upstreams.map((u) => u.prefix)) };
      if (method !== "PUT") return notAllowed(method, pathname);
      const { prefix, ...patch } = faultUpdateSchema.parse(body ?? {});
      if (prefix !== undefined && !core.upstreams.some((u) => u.prefix === prefix)) {
        throw new SimControlError(`unknown prefix ${prefix}; known: ${core.upstreams.map((u) => u.prefix).join(", ")}`);
      }
      core.faults.update(patch, prefix);
      return { body: core.faults.snapshot(core.upstreams.map((u) => u.prefix)) };
    }
    if (first === "stats" && route.length === 1) {
      if (method !== "GET") return notAllowed(method, pathname);
      return { body: core.stats() };
    }
    const upstream = core.upstreams.find((u) => u.prefix === `/${first}`);
    if (upstream && action && rest.length === 0) {
      if (method !== "POST") return notAllowed(method, pathname);
      if (!upstream.control) return { status: 404, body: { error: `${upstream.name} has no control actions` } };
      const result = await upstream.control(action, body);
      return { body: result ?? { ok: true } };
    }
    return { status: 404, body: { error: `no control route ${method} ${pathname}` } };
  } catch (error) {
    if (error instanceof z.ZodError) return { status: 400, body: { error: z.prettifyError(error) } };
    if (error instanceof SimControlError || error instanceof FaultProfileError || error instanceof SyntaxError) {
      return { status: 400, body: { error: error.message } };
    }
    throw error;
  }
}

function parseJson(raw: string): unknown {
  if (raw.trim() === "") return undefined;
  try {
    return JSON.parse(raw) as unknown;
  } catch {
    throw new SyntaxError("the request body is not valid JSON");
  }
}

function notAllowed(method: string, pathname: string): SimResponse {
  return { status: 405, body: { error: `${method} is not allowed on ${pathname}` } };
}
