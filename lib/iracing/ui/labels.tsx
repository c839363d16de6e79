import { categoryLabel, licenceName } from "../read/labels";

/** The licence class as a small badge ("Rookie", "D", ... "A"). */
export function LicenceBadge({ group }: { group: number | null }) {
  const name = licenceName(group);
  if (name === null) return <span className="text-muted">–</span>;
  return (
    <span className="inline-block min-w-6 rounded border border-border bg-surface-2 px-1.5 py-0.5 text-center text-xs font-semibold" title={`Licence class ${name}`}>
      {name}
    </span>
  );
}

export function CategoryText({ category }: { category: string | null }) {
  return <span className="whitespace-nowrap">{categoryLabel(category)}</span>;
}

/** "Fixed" or "Open" setup, and "Unofficial" when the season does not count. */
export function SeasonFlags({ fixedSetup, official }: { fixedSetup: boolean; official: boolean }) {
  return (
    <span className="whitespace-nowrap text-xs text-muted">
      {fixedSetup ? "Fixed" : "Open"}
      {official ? "" : " · Unofficial"}
    </span>
  );
}
