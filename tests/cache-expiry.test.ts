import postgres from "postgres";
import { afterAll, describe, expect, it } from "vitest";
import { expireTag, followExpiries } from "@/lib/cache-expiry";
import { useTestDatabase } from "./support/database";

type TagsManifest = Map<string, { stale?: number; expired?: number }>;
const manifest = async () =>
  ((await import("next/dist/server/lib/incremental-cache/tags-manifest.external.js")) as { tagsManifest: TagsManifest }).tagsManifest;

describe("cache tags expired across instances", () => {
  const database = useTestDatabase();
  let other: postgres.Sql | undefined;
  afterAll(async () => {
    await other?.end();
  });

  it("expires here at once, and a tag another instance expires arrives through Postgres", async () => {
    const tags = await manifest();
    const before = Date.now();
    await expireTag("pitwall-test-here");
    expect(tags.get("pitwall-test-here")?.expired).toBeGreaterThanOrEqual(before);

    const stop = await followExpiries();
    try {
      // Another instance: its own connection, sending what its expireTag sends.
      other = postgres(database.url, { max: 1, onnotice: () => {} });
      const sent = Date.now();
      await other.notify("pitwall_cache_expiry", "pitwall-test-elsewhere");
      await expect.poll(() => tags.get("pitwall-test-elsewhere")?.expired ?? 0).toBeGreaterThanOrEqual(sent);
    } finally {
      await stop();
    }
    // Not followed any more: a later expiry elsewhere is not applied here.
    await other.notify("pitwall_cache_expiry", "pitwall-test-after");
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(tags.has("pitwall-test-after")).toBe(false);
  });
});
