import { domains } from "@/lib/domains";
import type { Upstream } from "./server";

/** Every domain's simulated upstream, as `npm run sim` and the demo serve them (the probe is built in). */
export async function defaultUpstreams(settings: Record<string, string | undefined> = process.env): Promise<Upstream[]> {
  const upstreams: Upstream[] = [];
  for (const domain of domains) {
    if (domain.simulator) upstreams.push((await domain.simulator()).create(settings));
  }
  return upstreams;
}

/** The settings that point Pitwall at every domain's simulated upstream on a simulator serving at `simulatorUrl`. */
export async function simulatedPitwallEnv(simulatorUrl: string, settings: Record<string, string | undefined> = process.env): Promise<Record<string, string>> {
  const env: Record<string, string> = {};
  for (const domain of domains) {
    if (domain.simulator) Object.assign(env, (await domain.simulator()).pitwallEnv(simulatorUrl, settings));
  }
  return env;
}
