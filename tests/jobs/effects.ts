import { bigserial, index, pgTable, text, timestamp } from "drizzle-orm/pg-core";
import type { Sql } from "@/lib/db";

/** Side effects of the test functions, counted by tests to prove each completed step ran once. Tests only. */
export const jobTestEffects = pgTable(
  "job_test_effects",
  {
    id: bigserial({ mode: "number" }).primaryKey(),
    runId: text().notNull(),
    step: text().notNull(),
    phase: text().notNull().default("done"),
    at: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("job_test_effects_run_idx").on(t.runId, t.step)],
);

/** Creates the table in a test database (the template gets it once, in global setup). */
export async function createTestEffectsTable(sql: Sql): Promise<void> {
  await sql`
    create table if not exists job_test_effects (
      id bigserial primary key, run_id text not null, step text not null, phase text not null default 'done',
      at timestamptz not null default now())`;
  await sql`create index if not exists job_test_effects_run_idx on job_test_effects (run_id, step)`;
}
