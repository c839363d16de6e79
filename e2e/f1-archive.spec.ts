import { expect, test, type Locator, type Page } from "@playwright/test";
import { expectAccessible } from "./axe";
import { E2E_ADMIN_PASSWORD } from "./env";
import { shot } from "./shot";

// The official live-timing archive as a second F1 source, as an operator and a viewer use it: the admin dashboard
// lists the archive's seasons, then replays an archived session picked on the sessions page; the live page says
// which source it shows. The simulated archive holds the real 2020 70th Anniversary GP Practice 2 (no car positions)
// and the simulated race (session 90001) with positions.

const RACE = 90001;
const PRACTICE = 5778;

test.describe.configure({ mode: "serial" });

async function adminCard(page: Page, name: string): Promise<Locator> {
  await page.goto("/admin");
  if (page.url().includes("/admin/login")) {
    await page.getByLabel("Admin password").fill(E2E_ADMIN_PASSWORD);
    await page.getByRole("button", { name: "Log in" }).click();
    await expect(page).toHaveURL(/\/admin$/);
  }
  const card = page.getByRole("article", { name });
  await expect(card).toBeVisible();
  return card;
}

/** Run now, then wait for this run (not the card's previous one) to succeed. */
async function runAndWait(card: Locator): Promise<void> {
  const details = card.getByRole("link", { name: "Run details →" });
  const previous = (await details.count()) ? await details.getAttribute("href") : null;
  await card.getByRole("button", { name: "Run now" }).click();
  await expect(details).toHaveAttribute("href", /^\/admin\/runs\/[0-9a-f-]{36}$/);
  if (previous) await expect(details).not.toHaveAttribute("href", previous);
  await expect(card.locator('[data-status="succeeded"]')).toBeVisible({ timeout: 45_000 });
}

async function replayFromAdmin(page: Page, sessionKey: number, speed: number): Promise<void> {
  const card = await adminCard(page, "F1 replay");
  // A required parameter opens the card's form at once, and Run now without it says what is missing.
  await card.getByRole("button", { name: "Run now" }).click();
  await expect(card.getByRole("alert")).toHaveText("Fill in sessionKey first (under Parameters).");
  await card.getByLabel(/sessionKey/).fill(String(sessionKey));
  await card.getByLabel(/^source/).selectOption("livetiming");
  await card.getByLabel(/^speed/).fill(String(speed));
  await runAndWait(card);
}

test.describe("F1 from the live-timing archive", () => {
  test("the operator lists the archive's seasons; the sessions page shows them with their sources", async ({ page }) => {
    await runAndWait(await adminCard(page, "F1 archive seasons"));
    await page.goto("/f1/sessions");
    const sessions = page.getByRole("table", { name: "F1 sessions" });
    const race = sessions.locator("tbody tr").filter({ has: page.locator(`a[href="/f1/sessions/${RACE}"]`) });
    await expect(race).toContainText("Archive");
    const practice = sessions.locator("tbody tr").filter({ has: page.locator(`a[href="/f1/sessions/${PRACTICE}"]`) });
    await expect(practice).toContainText("Silverstone · Practice 2");
    await expect(practice).toContainText("Archive");
    // Not replayed yet: the session's page says how to get its timing.
    await practice.getByRole("link").click();
    await expect(page.getByText("No timing stored yet")).toBeVisible();
    await shot(page, "f1-archive-sessions");
    await expectAccessible(page, "f1-archive-session-empty");
  });

  test("an archived race replayed from the dashboard plays on the live page: source named, tower and map moving", async ({ page }) => {
    test.setTimeout(120_000);
    await replayFromAdmin(page, RACE, 30);
    await page.goto("/f1");
    await expect(page.getByTestId("mode-badge")).toHaveText("REPLAY 30×", { timeout: 60_000 });
    await expect(page.getByTestId("source-badge")).toHaveText("F1 live-timing archive");
    await expect(page.getByTestId("source-note")).toHaveCount(0);
    const tower = page.getByTestId("timing-tower");
    await expect(tower.locator("tbody tr")).toHaveCount(20);
    await expect(page.getByTestId("car")).toHaveCount(20);
    const shownAt = async () => Date.parse((await page.getByTestId("shown-moment").getAttribute("data-at")) ?? "");
    const carAt = async () => page.getByTestId("car").first().getAttribute("style");
    const firstMoment = await shownAt();
    const firstPlace = await carAt();
    await expect.poll(async () => (await shownAt()) - firstMoment, { timeout: 15_000 }).toBeGreaterThan(20_000);
    await expect.poll(carAt, { timeout: 15_000 }).not.toBe(firstPlace);
    await expect(tower.locator('td[data-column="last"]').filter({ hasText: /\d:\d{2}\.\d{3}/ }).first()).toBeVisible({ timeout: 30_000 });
    await shot(page, "f1-archive-replay");
    await expectAccessible(page, "f1-archive-replay");
  });

  test("an archived practice without car positions: the tower plays and the page says why the map is empty", async ({ page }) => {
    test.setTimeout(120_000);
    await replayFromAdmin(page, PRACTICE, 60);
    await page.goto("/f1");
    await expect(page.getByTestId("source-badge")).toHaveText("F1 live-timing archive", { timeout: 60_000 });
    await expect(page.getByRole("heading", { level: 1 })).toContainText("Practice 2");
    await expect(page.getByTestId("source-note")).toContainText("no car positions");
    await expect(page.getByTestId("timing-tower").locator("tbody tr")).toHaveCount(20);
    await expect(page.getByTestId("car")).toHaveCount(0);
    await shot(page, "f1-archive-practice");
  });
});
