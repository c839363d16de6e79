import { expect, test } from "@playwright/test";
import { expectAccessible } from "./axe";
import { E2E_ADMIN_API_TOKEN } from "./env";
import { shot } from "./shot";

// On a 360 px phone: the tower keeps position, driver, gap and last lap; the map and the replay controls still work.

const SESSION = 90001;

test.describe.configure({ mode: "serial" });

test.describe("F1 on a phone", () => {
  test("the live page fits the screen: tower with the essentials, map with every car", async ({ page, request }) => {
    test.setTimeout(120_000);
    const started = await request.post("/api/v1/admin/syncs/f1.replay", {
      headers: { authorization: `Bearer ${E2E_ADMIN_API_TOKEN}` },
      data: { params: { sessionKey: SESSION, source: "openf1", speed: 20 } },
    });
    expect(started.status()).toBe(202);
    await page.goto("/f1");
    await expect(page.getByTestId("mode-badge")).toHaveText("REPLAY 20×", { timeout: 60_000 });
    const tower = page.getByTestId("timing-tower");
    await expect(tower.locator("tbody tr")).toHaveCount(20);
    await expect(page.getByTestId("car")).toHaveCount(20);
    for (const column of ["position", "driver", "gap", "last"]) await expect(tower.locator(`td[data-column="${column}"]`).first()).toBeVisible();
    await expect(tower.locator('td[data-column="s1"]').first()).toBeHidden();
    // Nothing wider than the screen.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await shot(page, "f1-live-phone");
    await expectAccessible(page, "f1-live-phone");
  });

  test("time travel by touch: jump to a lap, then play", async ({ page }) => {
    await page.goto(`/f1/sessions/${SESSION}`);
    await expect(page.getByTestId("lap-counter")).toHaveText("Lap 1 / 58");
    await page.getByTestId("jump-to-lap").selectOption("30");
    await expect(page.getByTestId("lap-counter")).toHaveText("Lap 30 / 58");
    await page.getByTestId("play-pause").tap();
    await expect(page.getByTestId("lap-counter")).not.toHaveText("Lap 30 / 58", { timeout: 20_000 });
    await page.getByTestId("play-pause").tap();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await shot(page, "f1-time-travel-phone");
    await expectAccessible(page, "f1-time-travel-phone");
  });

  test("the sessions list fits the screen with each session's sources; an archived session not yet replayed says how to get it", async ({ page, request }) => {
    const listed = await request.post("/api/v1/admin/syncs/f1.archive-season", {
      headers: { authorization: `Bearer ${E2E_ADMIN_API_TOKEN}` },
      data: { params: { year: 2020 } },
    });
    expect(listed.status()).toBe(202);
    await page.goto("/f1/sessions");
    // Practice 1 of the 70th Anniversary GP: in the index, never replayed.
    const practice = page.locator('a[href="/f1/sessions/5777"]');
    await expect.poll(async () => { await page.reload(); return practice.count(); }, { timeout: 30_000 }).toBe(1);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await expectAccessible(page, "f1-sessions-phone");
    await practice.tap();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Silverstone · Practice 1");
    await expect(page.getByText("No timing stored yet")).toBeVisible();
    await shot(page, "f1-session-archived-phone");
  });
});
