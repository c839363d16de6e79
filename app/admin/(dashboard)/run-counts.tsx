import type { RunCounts } from "@/lib/admin/run-view";
import { formatCount } from "@/lib/ui/format";

/** The six counts of a run in one calm row; failures stand out only when there are some. */
export function RunCountsList({ counts }: { counts: RunCounts }) {
  return (
    <dl className="grid grid-cols-3 gap-x-3 gap-y-1 text-xs sm:grid-cols-6">
      {Object.entries(counts).map(([name, value]) => (
        <div key={name} className="min-w-0">
          <dt className="text-muted">{name}</dt>
          <dd className={`tabular font-medium ${name === "failed" && value > 0 ? "text-bad" : ""}`}>{formatCount(value)}</dd>
        </div>
      ))}
    </dl>
  );
}
