import { expect, test } from "@playwright/test";

test("the API reference reads at 360 px: no sideways scrolling, examples wrap inside their boxes", async ({ page, baseURL }) => {
  await page.goto("/docs/api");
  await expect(page.getByRole("heading", { level: 1, name: "Pitwall API" })).toBeVisible();
  expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
  await page.getByRole("link", { name: /GET\s*\/api\/v1\/status/ }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Platform" })).toBeVisible();
  await expect(page.getByLabel("curl example for GET /api/v1/status")).toContainText(new URL(baseURL!).origin);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  await page.screenshot({ path: "test-results/docs-api-mobile.png" });
});
