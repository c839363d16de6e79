import { currentAdminSession } from "@/lib/admin/auth";
import { syncBoard } from "@/lib/admin/syncs";

/** The overview's cards as JSON, polled every second while a run is active. 401 once the session has ended. */
export async function GET(): Promise<Response> {
  if (!(await currentAdminSession())) {
    return Response.json({ error: { code: "unauthorized", message: "Your admin session has ended: log in again." } }, { status: 401 });
  }
  return Response.json({ cards: await syncBoard() }, { headers: { "Cache-Control": "no-store" } });
}
