import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: {
    tsconfigPaths: true,
    // `server-only` throws outside a React Server bundle; in tests the query modules are plain server code.
    alias: { "server-only": new URL("./tests/support/server-only.ts", import.meta.url).pathname },
  },
  test: {
    include: ["tests/**/*.test.ts", "tests/**/*.test.tsx"],
    exclude: ["e2e/**", "node_modules/**"],
    globalSetup: ["tests/support/global-setup.ts"],
    setupFiles: ["tests/support/job-runner.ts"],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: "forks",
    // Each file has its own database cloned from a template, and most of a test's time is spent waiting on Postgres
    // or a simulator: three files at a time halve the suite on a two-core machine.
    maxWorkers: 3,
    // Expected failures log errors on purpose; set LOG_LEVEL to see them.
    env: { NODE_ENV: "test", NEXT_TELEMETRY_DISABLED: "1", LOG_LEVEL: process.env.LOG_LEVEL ?? "silent" },
  },
});
