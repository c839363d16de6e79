import type { SimConfig } from "./config";
import type { Upstream } from "./server";

/** Every simulated upstream `npm run sim` and the demo serve (the probe is built in). */
export function defaultUpstreams(config: SimConfig): Upstream[] {
  void config;
  return [];
}
