import { expect, test } from "@playwright/test";

test("the shell is usable at 360 px: every section reachable, nothing overflows", async ({ page }) => {
  await page.goto("/");
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  const nav = page.getByRole("navigation", { name: "Main" });
  for (const label of ["RaceRoom", "iRacing", "Endurance", "F1", "Admin"]) {
    await nav.getByRole("link", { name: label, exact: true }).scrollIntoViewIfNeeded();
    await expect(nav.getByRole("link", { name: label, exact: true })).toBeVisible();
  }
  await nav.getByRole("link", { name: "F1", exact: true }).click();
  await expect(page).toHaveURL(/\/f1$/);
  await page.screenshot({ path: "test-results/shell-mobile.png", fullPage: true });
});
