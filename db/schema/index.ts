// Every domain's tables, one file each; drizzle-kit reads this list.
export * from "./platform";
export * from "./admin";
export * from "./jobs";
export * from "./raceroom";
