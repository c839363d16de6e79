import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";

/** Pitwall's accessibility standard: WCAG 2.0 and 2.1, levels A and AA. */
export const WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];

export type Theme = "light" | "dark";
export const THEMES: readonly Theme[] = ["light", "dark"];

type AxeResults = Awaited<ReturnType<AxeBuilder["analyze"]>>;
type Violation = AxeResults["violations"][number];
type CheckData = { fgColor?: string; bgColor?: string; contrastRatio?: number; expectedContrastRatio?: string; fontSize?: string; fontWeight?: string };

/**
 * Shows the page in the given theme through the system setting (what a visitor with no stored choice gets).
 * Reduced motion makes colour transitions instant, so axe never measures a colour halfway between themes.
 */
export async function showTheme(page: Page, theme: Theme) {
  await page.emulateMedia({ colorScheme: theme, reducedMotion: "reduce" });
  await expect(page.locator("html"), `the page follows the system theme (${theme}); a stored theme choice would override it`).toHaveAttribute(
    "data-theme",
    theme,
  );
}

/**
 * The WCAG 2 A/AA rules whose outcome depends on colour (axe-core's "cat.color" rules among WCAG_TAGS). A theme
 * changes colours only (CSS variables; nothing is shown or hidden by theme), so once the first theme has passed every
 * rule, the other needs only these.
 */
export const COLOUR_RULES = ["color-contrast", "link-in-text-block"];

/**
 * Runs axe-core's WCAG 2 A/AA rules on the page as it is now (all of them in the light theme, the colour rules again
 * in the dark one), and fails with one readable line per offending element (rule, impact, selector, and for contrast
 * the colours and ratio). With `screenshotPath`, keeps a screenshot of the first screen in each theme before its check,
 * so a failing page can be looked at too. Leaves the page in the dark theme.
 */
export async function expectAccessible(page: Page, label: string, screenshotPath?: (theme: Theme) => string) {
  const problems: string[] = [];
  for (const theme of THEMES) {
    await showTheme(page, theme);
    if (screenshotPath) await page.screenshot({ path: screenshotPath(theme) });
    // Legacy mode runs axe.run in the page itself. Pitwall's pages hold no frames, so it checks the same nodes with the
    // same rules; the default mode gathers per-frame results in a blank page opened for each check, about half a second
    // more per check here.
    const builder = new AxeBuilder({ page }).setLegacyMode();
    const axe = theme === THEMES[0] ? builder.withTags(WCAG_TAGS) : builder.withRules(COLOUR_RULES);
    const results = await test.step(`axe: ${label} (${theme})`, () => axe.analyze());
    for (const violation of results.violations) problems.push(...describeViolation(violation, theme));
  }
  expect(problems, `${label}: WCAG 2 A/AA violations\n${problems.join("\n")}\n`).toEqual([]);
}

function describeViolation(violation: Violation, theme: Theme): string[] {
  return violation.nodes.map((node) => {
    const data = [...node.any, ...node.all, ...node.none].map((check) => check.data as CheckData | null).find((d) => d?.fgColor);
    const colours = data
      ? ` ${data.fgColor} on ${data.bgColor}: ${data.contrastRatio} < ${data.expectedContrastRatio} (${data.fontSize}, weight ${data.fontWeight})`
      : ` ${node.failureSummary?.replace(/\s+/g, " ").trim() ?? ""}`;
    return `[${theme}] ${violation.id} (${node.impact ?? violation.impact}) ${node.target.join(" ")}:${colours}`;
  });
}
