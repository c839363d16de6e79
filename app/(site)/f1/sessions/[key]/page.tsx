import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { z } from "zod";
import { hasTiming, sessionSummary, stateAt, trackOutline } from "@/lib/f1/queries";
import { SessionView } from "@/lib/f1/ui/session-view";
import { EmptyState } from "@/lib/ui/empty-state";

export const dynamic = "force-dynamic";

const keySchema = z.coerce.number().int().positive().max(2_147_483_647);

export async function generateMetadata({ params }: { params: Promise<{ key: string }> }): Promise<Metadata> {
  const key = keySchema.safeParse((await params).key);
  const session = key.success ? await sessionSummary(key.data) : null;
  return { title: session ? `${session.circuitShortName ?? session.location ?? "Session"} ${session.name}` : "Session" };
}

/** Time travel through one session: first paint at the start of lap 1 (or the session's start). */
export default async function F1SessionPage({ params }: { params: Promise<{ key: string }> }) {
  const key = keySchema.safeParse((await params).key);
  if (!key.success) notFound();
  if (!(await hasTiming(key.data))) {
    const listed = (await sessionSummary(key.data)) ?? notFound();
    return (
      <div className="space-y-4">
        <h1 className="text-2xl font-semibold tracking-tight">
          {listed.circuitShortName ?? listed.location ?? "Session"} · {listed.name}
        </h1>
        <EmptyState title="No timing stored yet">
          {listed.countryName ?? ""} {new Date(listed.startsAt).getUTCFullYear()}. The live-timing archive lists this session; its timing is read
          when an operator replays it (F1 replay on the admin dashboard), then it opens here with time travel.
        </EmptyState>
      </div>
    );
  }
  const state = (await stateAt(key.data, { lap: 1 })) ?? notFound();
  const outline = (await trackOutline(key.data)) ?? [];
  const { session } = state;
  return (
    <div className="space-y-4">
      <header className="space-y-1">
        <h1 className="text-2xl font-semibold tracking-tight">
          {session.circuitShortName ?? session.location ?? "Session"} · {session.name}
        </h1>
        <p className="text-muted">
          {session.countryName ?? ""} {new Date(session.startsAt).getUTCFullYear()}. Drag the slider, pick a lap, or play it back.
        </p>
      </header>
      <SessionView initial={state} outline={outline} />
    </div>
  );
}
