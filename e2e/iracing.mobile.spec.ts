import { expect, test } from "@playwright/test";
import { ensureIracingData, inVisitorZone, VISITOR_ZONE } from "./iracing-support";
import { expectAccessible } from "./axe";
import { shot } from "./shot";

// The iRacing pages at 360 px: nothing overflows, what matters stays visible, the rest folds away.

test.use({ timezoneId: VISITOR_ZONE });
test.describe.configure({ mode: "serial" });

test.beforeAll(async ({ request }) => {
  test.setTimeout(300_000);
  await ensureIracingData(request);
});

async function noOverflow(page: import("@playwright/test").Page) {
  expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
}

test("catalogue, season and planner are usable on a phone", async ({ page }) => {
  // Four pages, each checked by axe in two themes: some 50 s on an idle machine.
  test.setTimeout(120_000);
  await page.goto("/iracing");
  const table = page.getByTestId("iracing-series");
  await expect(table.locator("tbody tr").first()).toBeVisible();
  await expect(table.locator('th:has-text("Category")')).toBeHidden();
  await noOverflow(page);
  await page.getByLabel("Category").selectOption({ label: "Road" });
  await expect(page).toHaveURL(/category=road/);
  await shot(page, "iracing-catalogue-mobile");
  await expectAccessible(page, "iracing-catalogue-mobile");

  await table.locator("tbody tr").first().locator('td[data-column="series"] span a').click();
  await expect(page).toHaveURL(/\/iracing\/seasons\/\d+/);
  const time = page.getByRole("list", { name: "Next sessions" }).locator("time").first();
  await expect(time).toHaveText(inVisitorZone((await time.getAttribute("datetime"))!));
  await page.getByRole("list", { name: "Next sessions" }).getByRole("button", { name: /^Pin / }).first().click();
  await noOverflow(page);
  await shot(page, "iracing-season-mobile");
  await expectAccessible(page, "iracing-season-mobile");

  await page.goto("/iracing/planner");
  await expect(page.getByRole("list", { name: "Pinned sessions" }).locator("li")).toHaveCount(1);
  await expect(page.getByRole("link", { name: "Download calendar (.ics)" })).toBeVisible();
  await noOverflow(page);
  await shot(page, "iracing-planner-mobile");
  await expectAccessible(page, "iracing-planner-mobile");

  await page.goto("/iracing/now");
  await expect(page.getByTestId("iracing-sessions").locator("tbody tr").first()).toBeVisible();
  await noOverflow(page);
  await shot(page, "iracing-now-mobile");
  await expectAccessible(page, "iracing-now-mobile");
});
