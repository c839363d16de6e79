import type { Upstream } from "./server";

/**
 * A domain's simulated upstream as the simulator list builds it (sim/upstreams.ts). Its size and quirks come from
 * SIM_<DOMAIN>_* settings, which it reads itself: the simulator is its own program, with its own configuration.
 */
export interface SimulatedUpstream {
  create(settings: Record<string, string | undefined>): Upstream;
  /** The settings that point Pitwall at this upstream on a simulator serving at `simulatorUrl` (demo, e2e). */
  pitwallEnv(simulatorUrl: string, settings: Record<string, string | undefined>): Record<string, string>;
}
