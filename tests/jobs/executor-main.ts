import { runExecutorProcess } from "@/inngest/inline/process";
import { testHandler } from "./handler";

// The executor process of crash and takeover tests: the app's functions and the test functions.
await runExecutorProcess(testHandler);
