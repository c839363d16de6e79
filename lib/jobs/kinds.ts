import { domains } from "@/lib/domains";
import type { JobDefinition } from "./job";
import { platformJobs, platformSyncs } from "./platform-jobs";
import type { SyncKind } from "./sync-kind";

/** Every sync kind: the platform's, then each domain's, in the order the admin dashboard shows them. */
export const syncKinds: readonly SyncKind[] = [...platformSyncs, ...domains.flatMap((domain) => domain.syncs)];

export function findSyncKind(kind: string): SyncKind | undefined {
  return syncKinds.find((k) => k.kind === kind);
}

/** Every job the runner serves: the platform's own, each sync kind's, and each domain's other jobs. */
export function servedJobs(): JobDefinition[] {
  return [...platformJobs, ...syncKinds.map((kind) => kind.job), ...domains.flatMap((domain) => domain.jobs ?? [])];
}
