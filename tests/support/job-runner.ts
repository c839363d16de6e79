import { startJobRunner } from "@/inngest/runner";

// Each test file is a process of its own that sends events (triggerSync, Cancel) the way a server instance does:
// connected to the job runner, without executing jobs unless the test starts an executor.
await startJobRunner({ execute: false });
