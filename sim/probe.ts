import { gzipSync } from "node:zlib";
import { z } from "zod";
import { hash32 } from "./random";
import type { SimResponse, Upstream } from "./server";

const sizeSchema = z.coerce.number().int().min(0).max(100_000).default(10);
const statusSchema = z.coerce.number().int().min(200).max(599);

/** Items derived from the seed alone, so two runs with one seed serve identical documents. */
function items(seed: number, size: number) {
  return Array.from({ length: size }, (_, id) => {
    const value = hash32(seed, id);
    return { id, name: `item-${value.toString(36)}`, value };
  });
}

/** `/_probe`: small fixed behaviours for testing HTTP clients and the fault knobs. */
export function probeUpstream(): Upstream {
  return {
    prefix: "/_probe",
    name: "probe",
    handle(req, ctx): SimResponse {
      const [route, argument, ...rest] = req.path.split("/").filter(Boolean);
      if (req.method !== "GET") return { status: 405, body: { error: "the probe answers GET only" } };
      if (route === "json" && argument === undefined) {
        const size = sizeSchema.safeParse(req.query.get("size") ?? undefined);
        if (!size.success) return { status: 400, body: { error: `size: ${z.prettifyError(size.error)}` } };
        return { body: { seed: ctx.seed, size: size.data, items: items(ctx.seed, size.data) } };
      }
      if (route === "status" && argument !== undefined && rest.length === 0) {
        const status = statusSchema.safeParse(argument);
        if (!status.success) return { status: 400, body: { error: "status must be an integer from 200 to 599" } };
        return { status: status.data, body: { status: status.data } };
      }
      if (route === "headers" && argument === undefined) return { body: { headers: req.headers } };
      if (route === "gzip" && argument === undefined) {
        const json = JSON.stringify({ seed: ctx.seed, compressed: true, items: items(ctx.seed, 50) });
        return {
          headers: { "content-type": "application/json; charset=utf-8", "content-encoding": "gzip" },
          body: gzipSync(json),
        };
      }
      return { status: 404, body: { error: `no probe route ${req.path}` } };
    },
  };
}
