import { inngestHandler } from "../serve";
import { runExecutorProcess } from "./process";

// A worker-only process for the app's jobs: `tsx inngest/inline/main.ts [--workers 4] ...` with DATABASE_URL set.
// Every app instance runs an executor itself (instrumentation.ts); this one adds capacity without a web server.
await runExecutorProcess(inngestHandler);
