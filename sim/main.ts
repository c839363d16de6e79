import { z } from "zod";
import { simConfig } from "./config";
import { startSimulator } from "./server";
import { defaultUpstreams } from "./upstreams";

/** `npm run sim`: every simulated upstream on SIM_PORT, seeded with SIM_SEED. */
async function main(): Promise<void> {
  const config = simConfig();
  const upstreams = await defaultUpstreams();
  const simulator = await startSimulator({ port: config.SIM_PORT, host: config.SIM_HOST, seed: config.SIM_SEED, upstreams });
  const prefixes = ["/_probe", ...upstreams.map((upstream) => upstream.prefix)].join(" ");
  console.log(`Simulators on ${simulator.url} (seed ${config.SIM_SEED}): ${prefixes}; control API under /_control`);
  const stop = () => {
    void simulator.close().then(() => process.exit(0));
  };
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
}

main().catch((error: unknown) => {
  console.error(error instanceof z.ZodError ? z.prettifyError(error) : error instanceof Error ? error.message : error);
  process.exit(1);
});
