import type { Metadata } from "next";
import Link from "next/link";
import { listSessions, type SessionListing } from "@/lib/f1/queries";
import type { F1Source } from "@/lib/f1/sources";
import { EmptyState } from "@/lib/ui/empty-state";
import { link } from "@/lib/ui/controls";
import { formatCount } from "@/lib/ui/format";
import { DataTable } from "@/lib/ui/table/data-table";
import type { Column } from "@/lib/ui/table/columns";

export const metadata: Metadata = { title: "Sessions" };
export const dynamic = "force-dynamic";

const SOURCE_SHORT: Record<F1Source, string> = { openf1: "OpenF1", livetiming: "Archive" };

const day = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });

const columns: Column<SessionListing>[] = [
  {
    key: "session",
    header: "Session",
    cell: (session) => (
      <Link className={link} href={`/f1/sessions/${session.sessionKey}`}>
        {session.circuitShortName ?? session.location ?? `Meeting ${session.meetingKey}`} · {session.name}
      </Link>
    ),
  },
  { key: "country", header: "Country", from: "sm", cell: (session) => session.countryName ?? "–" },
  { key: "start", header: "Start (UTC)", from: "md", cell: (session) => day.format(new Date(session.startsAt)) },
  {
    key: "sources",
    header: "Sources",
    from: "sm",
    cell: (session) => session.sources.map((source) => SOURCE_SHORT[source]).join(" · ") || "–",
  },
  { key: "laps", header: "Laps", numeric: true, cell: (session) => session.laps ?? "–" },
  { key: "records", header: "Records", numeric: true, from: "sm", cell: (session) => formatCount(session.records) },
];

/** Every session Pitwall has data for, newest first; each opens with time travel. */
export default async function F1SessionsPage() {
  const sessions = await listSessions(100);
  return (
    <div className="space-y-4">
      <header className="space-y-1">
        <h1 className="text-2xl font-semibold tracking-tight">F1 sessions</h1>
        <p className="max-w-3xl text-muted">
          Sessions followed live or replayed, and every session of the official live-timing archive (since 2018). Open one to travel to any moment
          of it, or play it back at up to 60×; an archived session has data once an operator has replayed it.
        </p>
      </header>
      {sessions.length === 0 ? (
        <EmptyState title="No sessions yet">A session appears here once Pitwall has followed it live, an operator has replayed it, or the archive&apos;s seasons were read.</EmptyState>
      ) : (
        <DataTable label="F1 sessions" testId="f1-sessions" columns={columns} rows={sessions} rowKey={(session) => session.sessionKey} />
      )}
    </div>
  );
}
