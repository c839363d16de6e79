/**
 * Runs once when a server instance starts (the composition root): settings and migrations first, then the
 * background job runner. NEXT_RUNTIME is Next's own switch between its Node.js and edge runtimes.
 */
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { boot } = await import("./lib/boot");
  await boot();
  const { startJobRunner } = await import("./inngest/runner");
  await startJobRunner({ execute: true });
}
