import { expect, test } from "@playwright/test";
import { sectionsOf } from "./sections";

test("the shell is usable at 360 px: every section reachable, nothing overflows", async ({ page, request }) => {
  const sections = await sectionsOf(request);
  await page.goto("/");
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  const nav = page.getByRole("navigation", { name: "Main" });
  for (const label of [...sections.map((s) => s.name), "Admin"]) {
    await nav.getByRole("link", { name: label, exact: true }).scrollIntoViewIfNeeded();
    await expect(nav.getByRole("link", { name: label, exact: true })).toBeVisible();
  }
  const last = sections.at(-1)!;
  await nav.getByRole("link", { name: last.name, exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`/${last.slug}$`));
  await page.screenshot({ path: "test-results/shell-mobile.png", fullPage: true });
});
