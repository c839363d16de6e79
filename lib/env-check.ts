import { domains } from "@/lib/domains";
import { EnvError, envProblems, platformEnvSchema } from "./env";

/** Every variable of the platform and of each domain, checked at once: a bad start names every problem, one per line. */
export function checkEnvironment(source: NodeJS.ProcessEnv = process.env): void {
  const problems = [platformEnvSchema, ...domains.map((domain) => domain.env)].flatMap((schema) => envProblems(schema, source));
  if (problems.length) throw new EnvError(`Invalid environment configuration:\n${problems.join("\n")}`);
}
