import type { Page } from "@playwright/test";

/** Keeps a full-page screenshot in test-results/ to look at after a run. */
export async function shot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: `test-results/${name}.png`, fullPage: true });
}
