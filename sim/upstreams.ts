import { domains } from "@/lib/domains";
import type { Upstream } from "./server";
import type { SimulatedUpstream } from "./simulated";

/** Every domain's simulated upstreams, in the domain list's order. */
async function simulators(): Promise<SimulatedUpstream[]> {
  const all: SimulatedUpstream[] = [];
  for (const domain of domains) if (domain.simulator) all.push(...[await domain.simulator()].flat());
  return all;
}

/** Every domain's simulated upstream, as `npm run sim` and the demo serve them (the probe is built in). */
export async function defaultUpstreams(settings: Record<string, string | undefined> = process.env): Promise<Upstream[]> {
  return (await simulators()).map((simulator) => simulator.create(settings));
}

/** The settings that point Pitwall at every domain's simulated upstream on a simulator serving at `simulatorUrl`. */
export async function simulatedPitwallEnv(simulatorUrl: string, settings: Record<string, string | undefined> = process.env): Promise<Record<string, string>> {
  const env: Record<string, string> = {};
  for (const simulator of await simulators()) Object.assign(env, simulator.pitwallEnv(simulatorUrl, settings));
  return env;
}
