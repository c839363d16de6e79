/** The production image's migration command (pitwall-migrate.mjs, the Kubernetes Job): applies pending migrations and exits. */
import { runMigrations } from "@/db/migrate";

const url = process.env.DATABASE_URL;
if (!url) {
  console.error("pitwall: DATABASE_URL is required (postgres://…)");
  process.exit(1);
}
const { applied, total } = await runMigrations(url);
console.log(`pitwall: ${applied} migration(s) applied, ${total} in total`);
