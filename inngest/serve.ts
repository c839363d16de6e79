import { serve } from "inngest/next";
import { env } from "@/lib/env";
import { inngest, localTransport } from "./client";
import { functions } from "./functions";

/** The serve handler for the app's functions: Inngest servers call it over HTTP, the local executor in-process. */
export const inngestHandler = serve({ client: inngest, functions, servePath: "/api/inngest" });

type Method = "GET" | "POST" | "PUT";

/**
 * /api/inngest. With the local transport, what verifying needs is loaded first, so that requests are checked against
 * the installation's key (unsigned ones get 401). The SDK's dev mode runs unsigned requests, so it is refused outside
 * `next dev`.
 */
export async function handleInngestRequest(method: Method, request: Request, context: unknown): Promise<Response> {
  inngest.setEnvVars();
  if (inngest.mode === "dev" && env().NODE_ENV === "production") {
    return Response.json(
      {
        message:
          "INNGEST_DEV is set on a production server: refusing to run unsigned requests. Unset it and use INNGEST_SIGNING_KEY (Inngest Cloud or a self-hosted Inngest), or no Inngest variables for the local executor.",
      },
      { status: 403 },
    );
  }
  await localTransport()?.prepare();
  return inngestHandler[method](request as never, context);
}
