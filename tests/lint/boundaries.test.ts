import path from "node:path";
import { ESLint } from "eslint";
import { beforeAll, describe, expect, it } from "vitest";
import { findCycles } from "../../scripts/check-cycles";

// Each boundary rule of eslint.config.mjs, proven on a small tree of files laid out like the project
// (tests/lint/fixtures): the files that break a rule are reported with its message, the allowed ones are clean.
const fixtures = path.join(process.cwd(), "tests/lint/fixtures");

describe("architecture boundaries (eslint.config.mjs)", () => {
  const found = new Map<string, string[]>();

  beforeAll(async () => {
    const eslint = new ESLint({
      cwd: process.cwd(),
      ignore: false,
      overrideConfig: { settings: { "boundaries/root-path": fixtures } },
    });
    for (const result of await eslint.lintFiles([fixtures])) {
      found.set(path.relative(fixtures, result.filePath), result.messages.map((m) => `${m.ruleId}: ${m.message}`));
    }
  }, 120_000);

  const messagesOf = (file: string) => found.get(file) ?? [];

  it("a domain never imports another domain", () => {
    expect(messagesOf("lib/iracing/uses-raceroom.ts")).toEqual([expect.stringMatching(/boundaries\/dependencies: A domain never imports another domain \(iracing imports raceroom\)/)]);
    expect(messagesOf("lib/iracing/uses-raceroom-tables.ts")).toEqual([expect.stringMatching(/A domain never imports another domain \(iracing imports raceroom\)/)]);
  });

  it("shared lib/ and sim/ code never import a domain; the domain list may", () => {
    expect(messagesOf("lib/http/uses-domain.ts")).toEqual([expect.stringMatching(/Shared code never imports a domain/)]);
    expect(messagesOf("sim/uses-domain.ts")).toEqual([expect.stringMatching(/Shared code never imports a domain/)]);
    expect(messagesOf("lib/domains/index.ts")).toEqual([]);
  });

  it("lib/ never imports inngest/", () => {
    expect(messagesOf("lib/jobs/uses-inngest.ts")).toEqual([expect.stringMatching(/lib\/ and db\/ never import inngest\//)]);
  });

  it("db/ never imports lib/", () => {
    expect(messagesOf("db/uses-lib.ts")).toEqual([expect.stringMatching(/db\/ never imports lib\//)]);
  });

  it("no import cycles (scripts/check-cycles.ts, run by npm run lint)", async () => {
    const cycles = await findCycles(fixtures, ["**/*.ts"], /node_modules/);
    expect(cycles.map((cycle) => [...cycle].sort())).toEqual([["lib/cycle-a.ts", "lib/cycle-b.ts"]]);
  });

  it("a domain may use shared code", () => {
    expect(messagesOf("lib/raceroom/uses-shared.ts")).toEqual([]);
  });
});
