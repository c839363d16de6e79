import { platformFunctions } from "./functions/platform";
import { testingFunctions } from "./functions/testing";

/** Every Inngest function of the app; each domain adds its list from inngest/functions/<domain>.ts. */
export const functions = [...platformFunctions, ...testingFunctions];
