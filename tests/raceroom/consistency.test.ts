import { beforeAll, describe, expect, it } from "vitest";
import { storeBatch } from "@/lib/raceroom/batch";
import { beginFullRefresh, nextLeaderboards } from "@/lib/raceroom/generations";
import { promoteGeneration } from "@/lib/raceroom/promotion";
import { driverDetail, leaderboardPage, refreshStatus, topLeaderboards } from "@/lib/raceroom/queries";
import { useTestDatabase } from "../support/database";
import { fetched, MONZA_GTR3, refreshWith, RRR_GP_GTR3, useSmallCatalogue } from "./support";

/** Generation "a" has lap times ending in 1 and leaderboards of 20,000 and 5,000; "b" ends in 2 with 25,000 and 6,000. */
const SHAPES = {
  a: { digit: 1, monza: 20_000, raceway: 5_000 },
  b: { digit: 2, monza: 25_000, raceway: 6_000 },
} as const;

function leaderboards(shape: (typeof SHAPES)[keyof typeof SHAPES]) {
  const entries = (n: number) =>
    Array.from({ length: n }, (_, i) => ({ driverId: 10_000 + i, name: `Driver ${i}`, lapMs: 100_000 + i * 10 + shape.digit }));
  return [fetched(MONZA_GTR3, entries(shape.monza)), fetched(RRR_GP_GTR3, entries(shape.raceway))];
}

/** Which generation an answer comes from, or "mixed". */
function generationOf(digits: number[], totals: number[]): "a" | "b" | "mixed" {
  for (const name of ["a", "b"] as const) {
    const shape = SHAPES[name];
    const allTotals = totals.every((t) => t === shape.monza || t === shape.raceway);
    if (digits.every((d) => d === shape.digit) && allTotals) return name;
  }
  return "mixed";
}

describe("RaceRoom readers during a promotion", () => {
  useTestDatabase();

  beforeAll(async () => {
    await useSmallCatalogue();
    await refreshWith(leaderboards(SHAPES.a));
  });

  it("see the old generation or the new one, never a mix", async () => {
    const { generationId } = await beginFullRefresh();
    await storeBatch(generationId, leaderboards(SHAPES.b));
    await storeBatch(generationId, (await nextLeaderboards(generationId, 100)).map((c) => fetched(c, [])));

    const seen: Record<string, number> = { a: 0, b: 0, mixed: 0 };
    let promoting = true;
    let slowest = 0;
    const reader = async (kind: number) => {
      for (let i = 0; promoting || i < 3; i += 1) {
        const started = performance.now();
        let answer: "a" | "b" | "mixed";
        if (kind === 0) {
          const page = await leaderboardPage(MONZA_GTR3.layoutId, MONZA_GTR3.classId, { page: 1 + (i % 300), pageSize: 50 });
          answer = generationOf(page!.entries.map((e) => e.lapTimeMs % 10), [page!.total]);
        } else if (kind === 1) {
          const detail = await driverDetail(10_000 + (i % 5_000));
          answer = generationOf(detail!.results.map((r) => r.lapTimeMs % 10), detail!.results.map((r) => r.total));
          if (detail!.driver.entryCount !== detail!.results.length) answer = "mixed";
        } else if (kind === 2) {
          const top = await topLeaderboards();
          answer = generationOf([], top.leaderboards.map((c) => c.entryCount));
          if (top.leaderboards.some((c) => (c.leader?.lapTimeMs ?? 0) % 10 !== top.leaderboards[0]!.leader!.lapTimeMs % 10)) answer = "mixed";
        } else {
          const live = (await refreshStatus()).live!;
          const sums = { a: SHAPES.a.monza + SHAPES.a.raceway, b: SHAPES.b.monza + SHAPES.b.raceway };
          answer = live.entries === sums.a ? "a" : live.entries === sums.b ? "b" : "mixed";
        }
        seen[answer] = (seen[answer] ?? 0) + 1;
        slowest = Math.max(slowest, performance.now() - started);
      }
    };
    const readers = Promise.all([0, 1, 2, 3, 0, 1].map(reader));
    await new Promise((resolve) => setTimeout(resolve, 100));
    await promoteGeneration(generationId);
    promoting = false;
    await readers;

    expect(seen.mixed).toBe(0);
    expect(seen.a).toBeGreaterThan(0);
    expect(seen.b).toBeGreaterThan(0);
    // Readers are never blocked by the promotion (a generous bound for a loaded CI machine).
    expect(slowest).toBeLessThan(2_000);
  });
});
