import { expect, test, type Locator, type Page } from "@playwright/test";
import { E2E_ADMIN_API_TOKEN, E2E_ADMIN_PASSWORD } from "./env";

/** The column header is fully inside its table's box, not scrolled out of it. */
async function expectColumnInView(table: Locator, name: string) {
  const header = await table.getByRole("columnheader", { name, exact: true }).boundingBox();
  const frame = await table.locator("xpath=..").boundingBox();
  expect(header && frame, `column ${name}`).toBeTruthy();
  expect(header!.x + header!.width, `right edge of column ${name}`).toBeLessThanOrEqual(frame!.x + frame!.width + 0.5);
}

/** The page never scrolls sideways on a 360 px phone: wide tables scroll inside their own box. */
async function expectNoSidewaysScroll(page: Page) {
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(width, `${page.url()} is ${width} px wide`).toBeLessThanOrEqual(360);
}

test("the admin pages fit a 360 px phone, with the key columns in view", async ({ page, request }) => {
  test.setTimeout(120_000);
  // A RaceRoom refresh fills the API ledger with real rows; the hourly refresh has the longest sync name.
  for (const kind of ["raceroom.full-refresh", "raceroom.incremental-refresh"]) {
    const started = await request.post(`/api/v1/admin/syncs/${kind}`, { headers: { authorization: `Bearer ${E2E_ADMIN_API_TOKEN}` } });
    expect(started.status()).toBe(202);
  }

  await page.goto("/admin/ledger");
  await expectNoSidewaysScroll(page);
  await page.getByLabel("Admin password").fill(E2E_ADMIN_PASSWORD);
  await page.getByRole("button", { name: "Log in" }).click();
  await expect(page).toHaveURL(/\/admin\/ledger$/);

  await expect(async () => {
    await page.reload();
    await expect(page.getByRole("table", { name: "API calls" }).locator("tbody tr").first()).toBeVisible({ timeout: 1_000 });
  }).toPass({ timeout: 60_000 });
  await expectNoSidewaysScroll(page);
  const calls = page.getByRole("table", { name: "API calls" });
  for (const column of ["Time", "Endpoint", "Status"]) await expectColumnInView(calls, column);
  // Duration folds under the status on a phone.
  await expect(calls.locator('tbody tr td[data-column="status"]').first()).toHaveText(/^\d{3}\s*\d+(\.\d)? (ms|s)$/);
  const totals = page.getByRole("table", { name: "Totals per source" });
  await expect(totals.getByRole("cell", { name: "raceroom" })).toBeVisible();
  for (const column of ["Source", "Calls", "Error rate", "Cache hits", "Rate-limit headroom"]) await expectColumnInView(totals, column);

  await page.getByRole("navigation", { name: "Admin" }).getByRole("link", { name: "Overview" }).click();
  await expect(page.getByRole("article", { name: "RaceRoom full refresh" })).toBeVisible();
  await expectNoSidewaysScroll(page);

  await page.getByRole("navigation", { name: "Admin" }).getByRole("link", { name: "Runs" }).click();
  await expect(page).toHaveURL(/\/admin\/runs$/);
  const runs = page.getByRole("table", { name: "Sync runs" });
  await expect(runs.getByRole("link", { name: "RaceRoom incremental refresh" }).first()).toBeVisible();
  for (const column of ["Status", "Sync", "Duration"]) await expectColumnInView(runs, column);
  await expectNoSidewaysScroll(page);

  // Other specs on the same server may have refreshed RaceRoom too: open the newest run.
  await runs.getByRole("link", { name: "RaceRoom full refresh" }).first().click();
  await expect(page.getByRole("heading", { level: 1, name: "RaceRoom full refresh" })).toBeVisible();
  await expectNoSidewaysScroll(page);
});
