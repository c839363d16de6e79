import { expect, test } from "@playwright/test";
import { expectAccessible } from "./axe";
import { seedCalendar, shownRaceTime } from "./endurance-support";
import { shot } from "./shot";

test.describe("endurance on a phone", () => {
  test.beforeAll(async ({ request }) => {
    await seedCalendar(request);
  });

  test("the calendar and a live race fit a 360 px screen; the board keeps position, car, gap and last lap", async ({ page }) => {
    await page.goto("/endurance");
    await expect(page.getByTestId("live-race").first()).toBeVisible();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(361);
    await shot(page, "endurance-calendar-phone");
    await expectAccessible(page, "endurance-calendar-phone");

    await page.getByRole("link", { name: /live replay/ }).click();
    const board = page.getByTestId("endurance-leaderboard");
    await expect(board.locator("tbody tr").first()).toBeVisible();
    // No background video on a phone-sized screen, whatever the operator set.
    await expect(page.getByTestId("background-video")).toHaveCount(0);
    await expect(page.getByRole("button", { name: "Background video" })).toHaveCount(0);
    const first = board.locator("tbody tr").first();
    await expect(first).toBeVisible();
    for (const column of ["position", "car", "gap", "last"]) await expect(first.locator(`[data-column="${column}"]`)).toBeVisible();
    await expect(first.locator('[data-column="driver"]')).toBeHidden();
    // The folded details open on a tap.
    await first.locator("summary").click();
    await expect(first.locator("dl")).toContainText("Class");
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(361);

    const before = await shownRaceTime(page);
    await expect.poll(() => shownRaceTime(page), { timeout: 30_000 }).toBeGreaterThan(before);
    await page.getByRole("tablist", { name: "Classes" }).getByRole("tab").nth(1).click();
    await expect(page.getByRole("tablist", { name: "Classes" }).getByRole("tab").nth(1)).toHaveAttribute("aria-selected", "true");
    await shot(page, "endurance-live-phone");
    await expectAccessible(page, "endurance-live-phone");
  });
});
