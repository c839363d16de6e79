import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import postgres from "postgres";
import type { TestProject } from "vitest/node";
import { freePort, startEmbeddedPostgres, type EmbeddedServer } from "@/db/embedded";
import { runMigrations } from "@/db/migrate";
import { createTestEffectsTable } from "../jobs/effects";

declare module "vitest" {
  export interface ProvidedContext {
    /** A migrated database used as the template for each test file's own database. */
    templateUrl: string;
  }
}

const TEMPLATE = `pitwall_template_${process.pid}`;

/**
 * The tests' Postgres: DATABASE_URL when set (CI: the local server), otherwise an embedded server in a
 * temporary directory. A migrated template database is made once; every test file clones it.
 */
export default async function setup(project: TestProject) {
  let embedded: EmbeddedServer | undefined;
  let dataDir: string | undefined;
  let serverUrl = process.env.DATABASE_URL;
  if (!serverUrl) {
    dataDir = await mkdtemp(path.join(tmpdir(), "pitwall-test-pg-"));
    embedded = await startEmbeddedPostgres({ dataDir, port: await freePort() });
    serverUrl = embedded.url;
    console.log(`tests: embedded Postgres on port ${embedded.port} (DATABASE_URL unset)`);
  } else {
    console.log("tests: Postgres from DATABASE_URL");
  }

  const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`drop database if exists "${TEMPLATE}" with (force)`);
  await admin.unsafe(`create database "${TEMPLATE}"`);
  const templateUrl = withDatabase(serverUrl, TEMPLATE);
  await runMigrations(templateUrl);
  const template = postgres(templateUrl, { max: 1, onnotice: () => {} });
  await createTestEffectsTable(template);
  await template.end({ timeout: 5 });
  project.provide("templateUrl", templateUrl);

  return async () => {
    await admin.unsafe(`drop database if exists "${TEMPLATE}" with (force)`);
    await admin.end({ timeout: 5 });
    await embedded?.stop();
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  };
}

export function withDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}
