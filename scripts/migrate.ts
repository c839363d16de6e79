import { runMigrations } from "@/db/migrate";
import { chooseDatabase } from "./database";

const choice = await chooseDatabase();
console.log(`pitwall: database ${choice.description}`);
const { applied, total } = await runMigrations(choice.url);
console.log(`pitwall: ${applied} migration(s) applied, ${total} in total`);
await choice.embedded?.stop();
