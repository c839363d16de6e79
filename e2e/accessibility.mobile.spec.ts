import { checkEveryPage } from "./accessibility-pages";

// Every page on a 360 px phone, with real data, in both themes; accessibility.spec.ts checks the same pages at desktop width.
checkEveryPage("phone");
