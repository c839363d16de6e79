import { checkEveryPage } from "./accessibility-pages";

// Every page at desktop width, with real data, in both themes; accessibility.mobile.spec.ts checks the same pages on a phone.
checkEveryPage("desktop");
