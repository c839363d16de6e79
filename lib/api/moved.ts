/** A route file whose endpoint moved elsewhere: `export const GET = movedTo("/api/v1/...")`. */
export type MovedHandler = ((request: Request) => Response) & { readonly movedTo: string };

/** Answers 308 to `path` with the same query string, so that clients of an old address keep working. */
export function movedTo(path: string): MovedHandler {
  const handler = (request: Request) => {
    const { search } = new URL(request.url);
    return new Response(null, { status: 308, headers: { Location: `${path}${search}`, "Cache-Control": "public, max-age=86400" } });
  };
  return Object.assign(handler, { movedTo: path });
}
