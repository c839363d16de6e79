import { inngestHandler } from "../serve";
import { LocalExecutor, type ExecutorOptions } from "./executor";
import { installLocalTransport } from "./transport";

const g = globalThis as unknown as { __pitwallExecutor?: LocalExecutor };

/** Starts this process's executor for the app's functions, once (Next may load the boot code more than once). */
export async function startLocalExecutor(options: Omit<ExecutorOptions, "handler"> = {}): Promise<LocalExecutor> {
  if (g.__pitwallExecutor) return g.__pitwallExecutor;
  installLocalTransport();
  const executor = new LocalExecutor({ handler: inngestHandler, ...options });
  g.__pitwallExecutor = executor;
  try {
    await executor.start();
  } catch (error) {
    g.__pitwallExecutor = undefined;
    throw error;
  }
  return executor;
}
