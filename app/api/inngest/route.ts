import { handleInngestRequest } from "@/inngest/serve";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

export function GET(request: Request, context: unknown) {
  return handleInngestRequest("GET", request, context);
}

export function POST(request: Request, context: unknown) {
  return handleInngestRequest("POST", request, context);
}

export function PUT(request: Request, context: unknown) {
  return handleInngestRequest("PUT", request, context);
}
