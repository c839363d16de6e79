import { z } from "zod";

/**
 * The simulator is its own program: it reads its settings here, not through the app's lib/env.ts. Each simulated
 * upstream reads its own SIM_<DOMAIN>_* settings (sim/<domain>/simulated.ts).
 */
const schema = z.object({
  SIM_PORT: z.coerce.number().int().min(0).max(65535).default(4010),
  SIM_HOST: z.string().min(1).default("127.0.0.1"),
  SIM_SEED: z.coerce.number().int().min(0).max(0xffffffff).default(1),
});

export type SimConfig = z.infer<typeof schema>;

export function simConfig(source: NodeJS.ProcessEnv = process.env): SimConfig {
  const parsed = schema.safeParse(source);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => `  - ${issue.path.join(".")}: ${issue.message}`);
    throw new Error(`Invalid simulator configuration:\n${lines.join("\n")}`);
  }
  return parsed.data;
}
