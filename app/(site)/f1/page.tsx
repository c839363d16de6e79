import type { Metadata } from "next";
import { liveFeedSchema } from "@/lib/f1/api-contract";
import { liveAnswer } from "@/lib/f1/live-cache";
import { trackOutline } from "@/lib/f1/queries";
import { LiveView } from "@/lib/f1/ui/live-view";

export const metadata: Metadata = { title: { absolute: "F1 live · Pitwall" } };
export const dynamic = "force-dynamic";

/** The snapshot in memory, the session's track, and when they were read. */
async function firstPaint() {
  const readAt = Date.now();
  const feed = liveFeedSchema.parse(JSON.parse((await liveAnswer()).body.toString("utf8")));
  const outline = feed.session ? ((await trackOutline(feed.session.sessionKey)) ?? []) : [];
  return { feed, outline, readAt };
}

/** First paint from the snapshot in memory; the page then polls the live endpoint every second. */
export default async function F1LivePage() {
  const { feed, outline, readAt } = await firstPaint();
  return <LiveView initial={feed} initialOutline={outline} readAt={readAt} />;
}
