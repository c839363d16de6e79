import { parseArgs } from "node:util";
import { z } from "zod";
import { closeDatabase } from "@/db";
import { startLocalExecutor } from "./start";

// A standalone executor process: `tsx inngest/inline/main.ts [--workers 4] [--lease-ms 30000] ...`, with
// DATABASE_URL set. The app starts one itself (lib/boot.ts); this one is for tests and worker-only machines.

const { values } = parseArgs({
  options: {
    workers: { type: "string" },
    "lease-ms": { type: "string" },
    "poll-ms": { type: "string" },
    "retry-base-ms": { type: "string" },
  },
});
const number = z.coerce.number().int().positive().optional();
const options = z
  .object({ workers: number, leaseMs: number, pollMs: number, retryBaseMs: number })
  .parse({ workers: values.workers, leaseMs: values["lease-ms"], pollMs: values["poll-ms"], retryBaseMs: values["retry-base-ms"] });

const executor = await startLocalExecutor(options);
console.log(`executor ready ${executor.instanceId}`);

let stopping = false;
async function shutdown() {
  if (stopping) return;
  stopping = true;
  await executor.stop();
  await closeDatabase();
  process.exit(0);
}
process.on("SIGINT", () => void shutdown());
process.on("SIGTERM", () => void shutdown());
