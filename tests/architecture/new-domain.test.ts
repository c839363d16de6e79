import { execFile } from "node:child_process";
import { cp, mkdir, mkdtemp, readFile, rm, symlink, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const run = promisify(execFile);
const root = process.cwd();

// A throwaway domain added the way the README's checklist says, to a copy of the project: its own folders plus one
// line in the domain list. Every registry must then know it, and the code must still type-check and pass lint.
const kartingFiles: Record<string, string> = {
  "lib/karting/domain.ts": `import { z } from "zod";
import { defineDomain } from "@/lib/domains/manifest";
import { defineSync } from "@/lib/jobs/sync-kind";
import { heatsEndpoint } from "./api-contract";

export const karting = defineDomain({
  slug: "karting",
  name: "Karting",
  blurb: "Heat results from the local kart track.",
  figures: async () => [{ label: "Heats", value: 0 }],
  api: { tags: [{ name: "Karting", description: "Heats and their results." }], endpoints: [heatsEndpoint] },
  syncs: [
    defineSync({
      kind: "karting.heats",
      label: "Karting heats",
      description: "Fetches the day's heats.",
      params: z.object({ day: z.iso.date().optional() }),
      schedule: () => "0 6 * * *",
      async run({ steps }) {
        const heats = await steps.run("fetch-heats", () => 3);
        return { heats };
      },
    }),
  ],
  env: z.object({ KARTING_TIMING_URL: z.url().default("https://karting.invalid/timing") }),
  simulator: () => import("@/sim/karting/simulated").then((sim) => sim.kartingSimulator),
});
`,
  "lib/karting/api-contract.ts": `import { z } from "zod";
import { defineEndpoint } from "@/lib/api/endpoint";

export const heatsEndpoint = defineEndpoint({
  id: "karting.heats.list",
  method: "GET",
  path: "/api/v1/karting/heats",
  summary: "The day's heats",
  tags: ["Karting"],
  response: z.object({ data: z.array(z.object({ heat: z.number().int() })) }),
});
`,
  "app/api/v1/karting/heats/route.ts": `import { handleEndpoint } from "@/lib/api";
import { heatsEndpoint } from "@/lib/karting/api-contract";

export const GET = handleEndpoint(heatsEndpoint, () => ({ data: [{ heat: 1 }] }));
`,
  "app/(site)/karting/page.tsx": `export default function KartingPage() {
  return <h1>Karting</h1>;
}
`,
  "sim/karting/simulated.ts": `import type { SimulatedUpstream } from "../simulated";

export const kartingSimulator: SimulatedUpstream = {
  create: () => ({ prefix: "/karting", name: "Karting timing", handle: () => ({ body: { heats: [1, 2, 3] } }) }),
  pitwallEnv: (url) => ({ KARTING_TIMING_URL: \`\${url}/karting\` }),
};
`,
};

const probe = `import { apiEndpoints, apiTags } from "@/lib/api/registry";
import { openApiDocument } from "@/lib/api/openapi";
import { checkEnvironment } from "@/lib/env-check";
import { servedJobs, syncKinds } from "@/lib/jobs/kinds";
import { sections } from "@/lib/site/sections";
import { defaultUpstreams, simulatedPitwallEnv } from "@/sim/upstreams";

let envError = "";
try {
  checkEnvironment({ ...process.env, KARTING_TIMING_URL: "not a url" });
} catch (error) {
  envError = error instanceof Error ? error.message : String(error);
}
console.log(JSON.stringify({
  sections: sections.map((s) => s.slug),
  tags: apiTags.map((t) => t.name),
  endpoints: apiEndpoints.map((e) => e.id),
  documented: Object.keys(openApiDocument({ serverUrl: "http://x" }).paths),
  syncKinds: syncKinds.map((k) => [k.kind, k.event]),
  jobs: servedJobs().map((j) => [j.id, j.triggers]),
  envError,
  upstreams: (await defaultUpstreams({})).map((u) => u.prefix),
  pitwallEnv: await simulatedPitwallEnv("http://sim", {}),
}));
`;

describe("adding a domain", () => {
  let copy = "";
  const added: string[] = [];

  beforeAll(async () => {
    copy = await mkdtemp(path.join(tmpdir(), "pitwall-new-domain-"));
    for (const entry of ["app", "lib", "db", "sim", "inngest", "tsconfig.json", "package.json", "eslint.config.mjs", "next-env.d.ts"]) {
      await cp(path.join(root, entry), path.join(copy, entry), { recursive: true, errorOnExist: false }).catch((error: NodeJS.ErrnoException) => {
        if (error.code !== "ENOENT") throw error;
      });
    }
    await symlink(path.join(root, "node_modules"), path.join(copy, "node_modules"));
    for (const [file, text] of Object.entries(kartingFiles)) {
      await mkdir(path.dirname(path.join(copy, file)), { recursive: true });
      await writeFile(path.join(copy, file), text);
      added.push(file);
    }
    const list = path.join(copy, "lib/domains/index.ts");
    const before = await readFile(list, "utf8");
    const after = before
      .replace(/^(import .*\n)/m, `$1import { karting } from "@/lib/karting/domain";\n`)
      .replace(/\[([^\]]*)\];/, (_, names: string) => `[${names}, karting];`);
    expect(after).not.toBe(before);
    await writeFile(list, after);
  }, 60_000);

  afterAll(async () => {
    if (copy) await rm(copy, { recursive: true, force: true });
  });

  it("touches only the domain's own folders and one line of the list", async () => {
    expect(added.every((file) => /^(lib|sim|app\/\(site\)|app\/api\/v1)\/karting\//.test(file))).toBe(true);
    const diff = await run("git", ["diff", "--no-index", "--numstat", path.join(root, "lib/domains/index.ts"), path.join(copy, "lib/domains/index.ts")]).catch(
      (error: { stdout: string }) => error,
    );
    // One import and the one entry of the list.
    expect(diff.stdout.trim().split(/\s+/).slice(0, 2)).toEqual(["2", "1"]);
  });

  it("appears in every registry: sections, API, sync kinds and jobs, environment check, simulator", async () => {
    await writeFile(path.join(copy, "probe.ts"), probe);
    const { stdout } = await run(process.execPath, ["--import", "tsx", "probe.ts"], { cwd: copy, env: { ...process.env, LOG_LEVEL: "silent" } });
    const seen = JSON.parse(stdout.trim().split("\n").at(-1)!) as Record<string, unknown>;
    expect(seen.sections).toContain("karting");
    expect(seen.tags).toContain("Karting");
    expect(seen.endpoints).toContain("karting.heats.list");
    expect(seen.documented).toContain("/api/v1/karting/heats");
    expect(seen.syncKinds).toContainEqual(["karting.heats", "karting/heats.requested"]);
    expect(seen.jobs).toContainEqual(["karting-heats", [{ cron: "0 6 * * *" }, { event: "karting/heats.requested" }]]);
    expect(seen.envError).toMatch(/KARTING_TIMING_URL: invalid/);
    expect(seen.upstreams).toContain("/karting");
    expect(seen.pitwallEnv).toMatchObject({ KARTING_TIMING_URL: "http://sim/karting", RACEROOM_BASE_URL: "http://sim/raceroom" });
  }, 60_000);

  it("type-checks and keeps the boundary rules", async () => {
    await rm(path.join(copy, "probe.ts"));
    await run(process.execPath, [path.join(root, "node_modules/typescript/bin/tsc"), "--noEmit", "-p", "tsconfig.json"], { cwd: copy });
    const lint = await run(process.execPath, [path.join(root, "node_modules/eslint/bin/eslint.js"), ...added, "lib/domains/index.ts"], { cwd: copy }).catch(
      (error: { stdout: string; code: number }) => error,
    );
    expect(lint.stdout).toBe("");
  }, 180_000);
});
