import { parseArgs } from "node:util";
import { z } from "zod";
import { closeDatabase } from "@/lib/db";
import { LocalExecutor } from "./executor";
import type { ServeHandler } from "./protocol";
import { installLocalTransport } from "./transport";

/**
 * A process that only executes jobs: `[--workers 4] [--lease-ms 30000] [--poll-ms 5000] [--retry-base-ms 1000]`, with
 * DATABASE_URL set. Prints "executor ready <instance>" once it takes work; SIGINT or SIGTERM hand its runs back.
 */
export async function runExecutorProcess(handler: ServeHandler): Promise<void> {
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

  installLocalTransport();
  const executor = new LocalExecutor({ handler, ...options });
  await executor.start();
  console.log(`executor ready ${executor.instanceId}`);

  let stopping = false;
  const shutdown = async () => {
    if (stopping) return;
    stopping = true;
    await executor.stop();
    await closeDatabase();
    process.exit(0);
  };
  process.on("SIGINT", () => void shutdown());
  process.on("SIGTERM", () => void shutdown());
}
