import { platformFunctions } from "./functions/platform";
import { raceroomFunctions } from "./functions/raceroom";
import { testingFunctions } from "./functions/testing";

/** Every Inngest function of the app; each domain adds its list from inngest/functions/<domain>.ts. */
export const functions = [...platformFunctions, ...testingFunctions, ...raceroomFunctions];
