import boundaries from "eslint-plugin-boundaries";
import next from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

// The house rules of docs/architecture.md, enforced: which part of the code may import which. A file belongs to a
// domain when it lives in that domain's folders (lib/<domain>, sim/<domain>, app/(site)/<domain>, app/api/v1/<domain>,
// db/schema/<domain>.ts); everything else in lib/, db/ and sim/ is shared. Shared folders are named here; the domains
// are not (they are whatever else those folders hold), so adding a domain does not touch this file.
const sharedLib = ["lib/admin", "lib/api", "lib/http", "lib/jobs", "lib/metrics", "lib/site", "lib/ui"];

// Domains are folders; a domain's schema is one file, db/schema/<domain>.ts (the platform's own three excepted).
const elements = [
  { type: "domain-list", pattern: "lib/domains", partialMatch: false },
  { type: "shared", pattern: sharedLib, partialMatch: false },
  { type: "domain", pattern: ["lib/*", "sim/*", "app/\\(site\\)/*", "app/api/v1/*"], capture: ["domain"], partialMatch: false },
];
// Layers by file path; a file may be in several (lib/http/client.ts is in "lib" and "shared").
const files = [
  { category: "domain-schema", pattern: "db/schema/!(admin|jobs|platform).ts", capture: ["domain"] },
  { category: "shared", pattern: [...sharedLib.map((folder) => `${folder}/**`), "lib/*.ts", "lib/domains/manifest.ts", "sim/*.ts", "db/**"] },
  { category: "lib", pattern: "lib/**" },
  { category: "db", pattern: "db/**" },
  { category: "inngest", pattern: "inngest/**" },
].map((file) => ({ ...file, partialMatch: false }));

const shared = { file: { categories: "shared" } };
const otherDomain = "!{{ from.element.captured.domain }}";

const policies = [
  {
    from: { element: { type: "domain" } },
    disallow: { to: [{ element: { type: "domain", captured: { domain: otherDomain } } }, { file: { categories: "domain-schema", captured: { domain: otherDomain } } }] },
    message: "A domain never imports another domain ({{ from.element.captured.domain }} imports {{ to.element.captured.domain }}{{ to.file.captured.domain }})",
  },
  {
    from: shared,
    disallow: { to: { element: { type: "domain" } } },
    message: "Shared code never imports a domain: iterate the domain list (lib/domains) from a registry instead",
  },
  {
    from: { file: { categories: ["lib", "db"] } },
    disallow: { to: { file: { categories: "inngest" } } },
    message: "lib/ and db/ never import inngest/: send events through lib/jobs/events.ts",
  },
  {
    from: { file: { categories: "db" } },
    disallow: { to: { file: { categories: "lib" } } },
    message: "db/ never imports lib/: lib/db.ts configures the database layer, not the other way round",
  },
];

const config = [
  ...next,
  ...nextTs,
  {
    plugins: { boundaries },
    settings: {
      "boundaries/elements": elements,
      "boundaries/files": files,
      "boundaries/dependency-nodes": ["import", "dynamic-import", "export"],
      "import/resolver": { typescript: { alwaysTryTypes: true } },
    },
    rules: {
      "boundaries/dependencies": ["error", { default: "allow", policies }],
      // Destructuring with a rest element is how a field is left out of an object.
      "@typescript-eslint/no-unused-vars": ["warn", { ignoreRestSiblings: true }],
    },
  },
  // Files that break the rules on purpose, linted by tests/lint/boundaries.test.ts.
  { ignores: ["tests/lint/fixtures/**", ".next/**", ".next-*/**", "**/.next-minimal/**", "node_modules/**", ".data/**", "next-env.d.ts", "test-results/**", "playwright-report/**"] },
];

export default config;
