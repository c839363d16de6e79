// Names shown for iRacing's codes, shared by pages, the API and the filters.

/** Licence groups: 1 Rookie, 2 D, 3 C, 4 B, 5 A, 6 Pro, 7 Pro/WC. */
export const LICENCE_CLASSES: Readonly<Record<number, string>> = { 1: "Rookie", 2: "D", 3: "C", 4: "B", 5: "A", 6: "Pro", 7: "Pro/WC" };

export const licenceName = (group: number | null): string | null => (group === null ? null : (LICENCE_CLASSES[group] ?? `Group ${group}`));

/** The catalogue's categories, as stored (series/get's `category`), with their names. */
export const CATEGORY_NAMES: Readonly<Record<string, string>> = {
  road: "Road",
  sports_car: "Sports car",
  formula_car: "Formula",
  oval: "Oval",
  dirt_road: "Dirt road",
  dirt_oval: "Dirt oval",
};

export const categoryLabel = (category: string | null): string => (category === null ? "–" : (CATEGORY_NAMES[category] ?? category.replace(/_/g, " ")));
