import { expect, test } from "@playwright/test";

test.use({ permissions: ["clipboard-read", "clipboard-write"] });

test("the API reference shows this site's address in every example and copies a command that works", async ({ page, baseURL, request }) => {
  await page.goto("/docs/api");
  await expect(page.getByRole("heading", { level: 1, name: "Pitwall API" })).toBeVisible();
  const origin = new URL(baseURL!).origin;
  // Rendered at build time: the browser fills in the address it reached the site at.
  await expect(page.locator("dd.font-mono").first()).toHaveText(origin);
  // The overview lists every endpoint; each opens on its group's page.
  await page.getByRole("link", { name: /GET\s*\/api\/v1\/status/ }).click();
  await expect(page).toHaveURL(/\/docs\/api\/platform#/);
  await expect(page.getByRole("heading", { level: 1, name: "Platform" })).toBeVisible();
  const example = page.getByLabel("curl example for GET /api/v1/status");
  await expect(example).toContainText(`curl -s '${origin}/api/v1/status'`);

  await page.getByRole("button", { name: "Copy the curl command for GET /api/v1/status" }).click();
  await expect(page.getByRole("button", { name: "Copy the curl command for GET /api/v1/status" })).toHaveText("Copied");
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  const url = copied.match(/'([^']+)'/)?.[1];
  expect(url).toBe(`${origin}/api/v1/status`);
  // The copied command's address answers.
  expect((await request.get(url!)).ok()).toBe(true);
  await page.screenshot({ path: "test-results/docs-api.png" });
});
