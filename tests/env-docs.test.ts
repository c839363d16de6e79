import { readFile } from "node:fs/promises";
import { describe, expect, it } from "vitest";
import { domains } from "@/lib/domains";
import { platformEnvSchema } from "@/lib/env";

// Every variable Pitwall reads is validated by a schema; each must be in the README's configuration table.
describe("configuration docs", () => {
  it("lists every variable of the platform and of every domain in the README", async () => {
    const readme = await readFile("README.md", "utf8");
    const names = [platformEnvSchema, ...domains.map((d) => d.env)].flatMap((schema) => Object.keys(schema.shape));
    const missing = names.filter((name) => !readme.includes(`\`${name}\``));
    expect(missing).toEqual([]);
  });
});
