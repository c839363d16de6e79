import { connection } from "next/server";

// Rendered per request, as Pitwall's pages are: the floor every dynamic page pays.
export default async function MinimalPage() {
  await connection();
  return <p>Pitwall bench reference page, rendered at {new Date().toISOString()}.</p>;
}
