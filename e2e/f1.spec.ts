import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import { expectAccessible } from "./axe";
import { E2E_ADMIN_API_TOKEN } from "./env";
import { shot } from "./shot";

// The e2e server's simulator serves OpenF1 with a synthetic race (session 90001). The first test replays it at 30x
// through the admin API, as an operator would; the others watch it, travel through it, and stop it.

const SESSION = 90001;
const admin = { authorization: `Bearer ${E2E_ADMIN_API_TOKEN}` };

async function startSync(request: APIRequestContext, kind: string, params: Record<string, unknown>) {
  const response = await request.post(`/api/v1/admin/syncs/${kind}`, { headers: admin, data: { params } });
  expect(response.status()).toBe(202);
}



const shownAt = async (page: Page) => Date.parse((await page.getByTestId("shown-moment").getAttribute("data-at")) ?? "");

test.describe.configure({ mode: "serial" });

test.describe("F1 pages", () => {
  test("a replay started by an operator plays on the live page: 20 drivers in the tower, 20 cars on the map, values moving", async ({ page, request }) => {
    test.setTimeout(120_000);
    await startSync(request, "f1.replay", { sessionKey: SESSION, source: "openf1", speed: 30 });
    await page.goto("/f1");
    await expect(page.getByTestId("mode-badge")).toHaveText("REPLAY 30×", { timeout: 60_000 });
    await expect(page.getByTestId("source-badge")).toHaveText("OpenF1");
    const tower = page.getByTestId("timing-tower");
    await expect(tower.locator("tbody tr")).toHaveCount(20);
    await expect(page.getByTestId("car")).toHaveCount(20);
    await expect(page.getByTestId("leader-mark")).toHaveCount(1);
    await expect(tower.locator("tbody tr").first()).toHaveAttribute("data-position", "1");

    // A race moves: the shown moment, the lap counter or the leader's gaps change without a reload.
    const firstMoment = await shownAt(page);
    const firstLap = await page.getByTestId("lap-counter").textContent();
    await expect.poll(async () => (await shownAt(page)) - firstMoment, { timeout: 15_000 }).toBeGreaterThan(20_000);
    await expect.poll(async () => page.getByTestId("lap-counter").textContent(), { timeout: 30_000 }).not.toBe(firstLap);
    await expect(tower.locator('td[data-column="last"]').filter({ hasText: /\d:\d{2}\.\d{3}/ }).first()).toBeVisible({ timeout: 30_000 });
    // Stints and the gap chart follow the replay: a bar per driver, and lines once laps are complete.
    await expect(page.getByTestId("stint-row")).toHaveCount(20);
    await expect(page.getByTestId("gap-chart").locator("canvas").first()).toBeVisible({ timeout: 30_000 });
    await shot(page, "f1-live");
    await expectAccessible(page, "f1-live");
  });

  test("the TV delay shifts the tower and the map together, and is remembered", async ({ page }) => {
    await page.goto("/f1");
    await expect(page.getByTestId("car")).toHaveCount(20);
    const delay = page.getByTestId("delay-input");
    await delay.fill("4");
    // With a 4 s delay at 30x the page shows a moment about two minutes of session time behind the newest snapshot.
    const live = async () => Date.parse(((await (await page.request.get("/api/v1/f1/live")).json()) as { state: { at: string } }).state.at);
    await expect.poll(async () => (await live()) - (await shownAt(page)), { timeout: 20_000 }).toBeGreaterThan(60_000);
    // One state feeds both: every car on the map is a driver of the tower, at the same moment.
    const board = page.getByTestId("shown-moment");
    await expect(board.getByTestId("car")).toHaveCount(20);
    await expect(board.getByTestId("timing-tower").locator("tbody tr")).toHaveCount(20);
    await page.reload();
    await expect(page.getByTestId("delay-input")).toHaveValue("4");
    await page.getByTestId("delay-input").fill("0");
    await expect.poll(async () => (await live()) - (await shownAt(page)), { timeout: 10_000 }).toBeLessThan(60_000);
  });

  test("time travel: the sessions list opens the session, jump to a lap, seek and play", async ({ page }) => {
    await page.goto("/f1/sessions");
    const sessions = page.getByRole("table", { name: "F1 sessions" });
    // Newest first: the simulated race is the newest session whichever source listed it.
    await expect(sessions.locator("tbody tr").first()).toContainText("OpenF1");
    await sessions.getByRole("link").first().click();
    await expect(page).toHaveURL(new RegExp(`/f1/sessions/${SESSION}$`));
    await expect(page.getByTestId("lap-counter")).toHaveText("Lap 1 / 58");
    await expect(page.getByTestId("timing-tower").locator("tbody tr")).toHaveCount(20);

    // The replay stored the cars' locations as far as it played: early laps have them on the map.
    await page.getByTestId("jump-to-lap").selectOption("5");
    await expect(page.getByTestId("lap-counter")).toHaveText("Lap 5 / 58");
    await expect(page.getByTestId("car")).toHaveCount(20);
    // Tyre stints and gaps show what was known then: no stint reaches past lap 5.
    const history = page.getByTestId("race-history");
    await expect(history.getByTestId("stint-row")).toHaveCount(20);
    await expect(history.getByTestId("gap-chart").locator("canvas").first()).toBeVisible();
    const stintEnds = async () =>
      (await history.getByTestId("stint-row").getByRole("img").evaluateAll((bars) => bars.map((bar) => bar.getAttribute("aria-label") ?? ""))).flatMap((label) =>
        [...label.matchAll(/laps \d+–(\d+)/g)].map((match) => Number(match[1])),
      );
    expect(Math.max(...(await stintEnds()))).toBeLessThanOrEqual(5);
    await shot(page, "f1-time-travel");
    await page.getByTestId("jump-to-lap").selectOption("40");
    await expect(page.getByTestId("lap-counter")).toHaveText("Lap 40 / 58");
    await expect(page.getByTestId("timing-tower").locator("tbody tr")).toHaveCount(20);
    // By lap 40 every car has stopped at least once: more stints than cars, none past lap 40.
    await expect.poll(() => history.locator("[data-compound]").count()).toBeGreaterThan(20);
    expect(Math.max(...(await stintEnds()))).toBeLessThanOrEqual(40);
    expect(Math.max(...(await stintEnds()))).toBeGreaterThan(30);
    // The gap chart draws the top ten (uPlot's legend: the lap, then one entry per driver); unpicking one takes it off.
    const legend = history.getByTestId("gap-chart").locator(".u-legend .u-series");
    await expect(legend).toHaveCount(11);
    await history.getByRole("group", { name: "Drivers on the gap chart" }).getByRole("checkbox").first().uncheck();
    await expect(legend).toHaveCount(10);
    await shot(page, "f1-time-travel-history");

    await page.getByTestId("seek").focus();
    const before = await shownAt(page);
    await page.keyboard.press("End");
    await expect(page.getByTestId("lap-counter")).toHaveText("Lap 58 / 58");
    await expect(page.getByTestId("track-status")).toHaveText("Chequered flag");
    await page.getByTestId("jump-to-lap").selectOption("5");
    await page.getByTestId("speed").selectOption("60");
    await page.getByTestId("play-pause").click();
    await expect(page.getByTestId("play-pause")).toHaveText("Pause");
    await expect.poll(async () => (await shownAt(page)) - before, { timeout: 10_000 }).toBeLessThan(0);
    const playedFrom = await shownAt(page);
    await expect.poll(async () => (await shownAt(page)) - playedFrom, { timeout: 10_000 }).toBeGreaterThan(60_000);
    await page.getByTestId("play-pause").click();
    await expectAccessible(page, "f1-time-travel");
  });

  test("a stopped feed shows as stale", async ({ page, request }) => {
    test.setTimeout(90_000);
    await page.goto("/f1");
    await expect(page.getByTestId("car")).toHaveCount(20);
    await expect(page.getByTestId("stale-badge")).toHaveCount(0);
    await startSync(request, "f1.stop", { sessionKey: SESSION });
    await expect(page.getByTestId("stale-badge")).toBeVisible({ timeout: 40_000 });
    await expect(page.getByTestId("feed-location")).toHaveAttribute("data-stale", "true");
    await expect(page.getByTestId("feed-location")).toContainText("stale");
    await shot(page, "f1-stale");
  });

  test("the API answers the live snapshot with its sequence as ETag, 304 when unchanged", async ({ request }) => {
    const first = await request.get("/api/v1/f1/live");
    expect(first.status()).toBe(200);
    const etag = first.headers().etag!;
    expect(etag).toBe(`"${((await first.json()) as { sequence: number }).sequence}"`);
    expect(first.headers()["cache-control"]).toContain("s-maxage=1");
    const again = await request.get("/api/v1/f1/live", { headers: { "if-none-match": etag } });
    expect(again.status()).toBe(304);
    const bad = await request.get(`/api/v1/f1/sessions/${SESSION}/state?at=yesterday`);
    expect(bad.status()).toBe(400);
    const laps = (await (await request.get(`/api/v1/f1/sessions/${SESSION}/laps`)).json()) as { data: { driverNumber: number }[] };
    expect(laps.data.length).toBeGreaterThan(20 * 50);
    const one = laps.data[0]!.driverNumber;
    const own = (await (await request.get(`/api/v1/f1/sessions/${SESSION}/laps?driver=${one}`)).json()) as { data: { driverNumber: number }[] };
    expect(new Set(own.data.map((lap) => lap.driverNumber))).toEqual(new Set([one]));
  });
});
