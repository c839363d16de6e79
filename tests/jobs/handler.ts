import { serve } from "inngest/next";
import { inngest } from "@/inngest/client";
import { functions } from "@/inngest/functions";
import { testFunctions } from "./functions";

/** The app's functions and the test functions, served as the app serves its own. */
export const testHandler = serve({ client: inngest, functions: [...functions, ...testFunctions], servePath: "/api/inngest" });
