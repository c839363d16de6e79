import { expect, test } from "@playwright/test";
import { expectAccessible } from "./axe";
import { readToTheEnd, seedCalendar, shownRaceTime } from "./endurance-support";
import { shot } from "./shot";

test.describe("endurance", () => {
  test.beforeAll(async ({ request }) => {
    await seedCalendar(request);
  });

  test("the calendar lists the live race, the races to come and past winners", async ({ page }) => {
    await page.goto("/endurance");
    await expect(page.getByRole("heading", { name: "Endurance racing" })).toBeVisible();
    const live = page.getByTestId("live-race").filter({ hasText: "Hours of Pitwall (live replay)" });
    await expect(live).toContainText("Live");
    await expect(page.getByTestId("upcoming-races")).toContainText("24 Hours of Le Mans");
    await expect(page.getByTestId("upcoming-races")).toContainText("Rolex 24 at Daytona");
    const past = page.getByTestId("past-races").locator("tr", { hasText: "Pitwall 3 Hours" });
    await expect(past).toBeVisible();
    // Winners of at least two classes, each with its car number.
    await expect(past.locator("li")).toHaveCount(await past.locator("li").count());
    expect(await past.locator("li").count()).toBeGreaterThanOrEqual(2);
    await expect(past.locator("li").first()).toContainText("#");
    await shot(page, "endurance-calendar");
    await expectAccessible(page, "endurance-calendar");
  });

  test("the live leaderboard moves without a reload; class tabs, lap chart and TV delay", async ({ page }) => {
    await page.goto("/endurance");
    await page.getByRole("link", { name: /live replay/ }).click();
    await expect(page).toHaveURL(/\/endurance\/races\/pitwall-live$/);
    const board = page.getByTestId("endurance-leaderboard");
    await expect(board.locator("tbody tr").first()).toBeVisible();
    const cars = await board.locator("tbody tr").count();
    expect(cars).toBeGreaterThanOrEqual(10);

    // The page polls: the race clock and the leader's laps move while the document stays the same.
    await page.evaluate(() => ((window as unknown as { marker: number }).marker = 42));
    const before = await shownRaceTime(page);
    const lapsBefore = Number(await board.locator("tbody tr").first().locator('[data-column="laps"]').textContent());
    await expect.poll(() => shownRaceTime(page), { timeout: 30_000 }).toBeGreaterThan(before);
    await expect.poll(async () => Number(await board.locator("tbody tr").first().locator('[data-column="laps"]').textContent()), { timeout: 30_000 }).toBeGreaterThan(lapsBefore);
    expect(await page.evaluate(() => (window as unknown as { marker?: number }).marker)).toBe(42);

    // A class tab keeps only that class, with class positions from 1.
    const tabs = page.getByRole("tablist", { name: "Classes" }).getByRole("tab");
    expect(await tabs.count()).toBeGreaterThanOrEqual(3);
    const second = tabs.nth(1);
    const className = (await second.textContent())!.trim();
    await second.click();
    await expect(second).toHaveAttribute("aria-selected", "true");
    const classCells = board.locator('tbody [data-column="class"]');
    await expect(classCells.first()).toContainText(className);
    expect(await classCells.allTextContents()).toEqual(Array(await classCells.count()).fill(className));
    expect(await classCells.count()).toBeLessThan(cars);
    await expect(board.locator('tbody tr').first().locator('[data-column="position"]')).toHaveText("1");
    await tabs.first().click();
    await expect(board.locator("tbody tr")).toHaveCount(cars);

    // Two chosen cars on the lap chart.
    await page.getByRole("heading", { name: "Lap chart" }).scrollIntoViewIfNeeded();
    const rows = board.locator("tbody tr");
    const third = (await rows.nth(2).getAttribute("data-car"))!;
    const fourth = (await rows.nth(3).getAttribute("data-car"))!;
    for (const car of [(await rows.nth(0).getAttribute("data-car"))!, (await rows.nth(1).getAttribute("data-car"))!]) await page.getByTestId(`pick-${car}`).uncheck();
    await page.getByTestId(`pick-${third}`).check();
    await page.getByTestId(`pick-${fourth}`).check();
    const plot = page.getByTestId("lap-chart-plot");
    await expect(plot.locator("canvas")).toBeVisible();
    await expect(plot.locator(".u-legend")).toContainText(`#${third}`);
    await expect(plot.locator(".u-legend")).toContainText(`#${fourth}`);
    await page.getByRole("combobox", { name: "Chart" }).selectOption("gaps");
    await expect(page.getByRole("combobox", { name: "Gap to" })).toHaveValue(third);
    await expect(plot.locator("canvas")).toBeVisible();
    // The reference car's own gap is zero on every lap: hovering the plot shows it in the legend.
    const box = (await plot.locator(".u-over").boundingBox())!;
    await page.mouse.move(box.x + box.width * 0.6, box.y + box.height / 2);
    await expect(plot.locator(".u-legend")).toContainText(`#${third}+0.0 s`);

    // A TV delay of 5 minutes: everything shows the race five minutes ago.
    const live = await shownRaceTime(page);
    await page.getByTestId("delay").selectOption("300");
    await expect.poll(() => shownRaceTime(page), { timeout: 15_000 }).toBeLessThan(live);
    expect(live - (await shownRaceTime(page))).toBeGreaterThanOrEqual(240);
    await page.getByTestId("delay").selectOption("0");

    // The panels below are drawn as the reader scrolls to them.
    await readToTheEnd(page);
    await expect(page.getByTestId("pit-stops").locator("tbody tr").first()).toBeVisible();
    await expect(page.getByTestId("drive-time").locator("tbody tr").first()).toBeVisible();

    await shot(page, "endurance-live");
    await expectAccessible(page, "endurance-live");
  });

  test("a past race replays: play, pause, speed and seek", async ({ page }) => {
    test.setTimeout(120_000);
    await page.goto("/endurance/races/pitwall-past");
    const board = page.getByTestId("endurance-leaderboard");
    await expect(board.locator("tbody tr").first()).toBeVisible();
    const finalLaps = Number(await board.locator("tbody tr").first().locator('[data-column="laps"]').textContent());
    await page.getByRole("heading", { name: "Prediction accuracy" }).scrollIntoViewIfNeeded();
    await expect(page.getByTestId("accuracy").locator("tbody tr").first()).toBeVisible();
    // Each class says which prediction it uses, named as the model is built (see pace-model.ts).
    await expect(page.getByTestId("accuracy").locator('tbody [data-column="use"]').first()).toHaveText(/^(Model \(forest \+ boosted trees\)|Baseline \(median of last 5 green laps\))$/);

    // A long panel draws its first 50 rows, and more on request.
    await page.getByRole("heading", { name: "Pit stops" }).scrollIntoViewIfNeeded();
    const stops = page.getByTestId("pit-stops").locator("tbody tr");
    await expect(stops).toHaveCount(50);
    const shownLine = page.getByText(/^50 of \d+ pit stops shown\.$/);
    const total = Number(/of (\d+)/.exec((await shownLine.textContent()) ?? "")?.[1]);
    expect(total).toBeGreaterThan(50);
    await page.getByRole("button", { name: `Show ${Math.min(50, total - 50)} more` }).click();
    await expect(stops).toHaveCount(Math.min(100, total));

    await page.getByTestId("replay-start").click();
    await expect.poll(() => shownRaceTime(page), { timeout: 15_000 }).toBeGreaterThan(0);
    await page.getByTestId("replay-toggle").click(); // pause
    await expect(page.getByTestId("replay-toggle")).toHaveText("Play");
    const paused = await shownRaceTime(page);
    await page.waitForTimeout(2_000);
    expect(await shownRaceTime(page)).toBe(paused);

    // Seek to half-way: the leader then has about half the laps.
    const seek = page.getByTestId("replay-seek");
    const max = Number(await seek.getAttribute("max"));
    await seek.fill(String(Math.round(max / 2 / 10_000) * 10_000));
    await expect.poll(() => shownRaceTime(page)).toBeGreaterThan(max / 1000 / 2 - 60);
    await expect
      .poll(async () => Number(await board.locator("tbody tr").first().locator('[data-column="laps"]').textContent()), { timeout: 15_000 })
      .toBeLessThan(finalLaps * 0.6);
    await page.getByRole("combobox", { name: "Speed" }).selectOption("1000");
    await page.getByTestId("replay-toggle").click(); // play
    await expect.poll(() => shownRaceTime(page), { timeout: 15_000 }).toBeGreaterThan(max / 1000 / 2 + 500);
    // Paused for the checks: axe reads a page that holds still.
    await page.getByTestId("replay-toggle").click();
    await expect(page.getByTestId("replay-toggle")).toHaveText("Play");
    await readToTheEnd(page);
    await page.evaluate(() => window.scrollTo(0, 0));
    await shot(page, "endurance-replay");
    await expectAccessible(page, "endurance-replay");
  });

  test("the operator's background video plays faintly behind a race; a visitor can switch it off; never under reduced motion", async ({ page }) => {
    await page.goto("/endurance/races/pitwall-live");
    const video = page.getByTestId("background-video").locator("video");
    await expect(video).toHaveAttribute("src", "/e2e/background.webm");
    // Playing, muted, behind the page: the leaderboard stays on top and readable.
    await expect.poll(() => video.evaluate((v: HTMLVideoElement) => v.currentTime), { timeout: 15_000 }).toBeGreaterThan(0);
    expect(await video.evaluate((v: HTMLVideoElement) => ({ muted: v.muted, paused: v.paused, loop: v.loop }))).toEqual({ muted: true, paused: false, loop: true });
    const board = page.getByTestId("endurance-leaderboard");
    await expect(board.locator("tbody tr").first()).toBeVisible();
    await board.locator("tbody tr").first().click({ trial: true });
    await shot(page, "endurance-background-video");

    const toggle = page.getByRole("button", { name: "Background video" });
    await expect(toggle).toHaveAttribute("aria-pressed", "true");
    await toggle.click();
    await expect(toggle).toHaveAttribute("aria-pressed", "false");
    await expect(page.getByTestId("background-video")).toHaveCount(0);
    // The visitor's choice holds on the next visit.
    await page.reload();
    await expect(page.getByRole("button", { name: "Background video" })).toHaveAttribute("aria-pressed", "false");
    await expect(page.getByTestId("background-video")).toHaveCount(0);
    await page.getByRole("button", { name: "Background video" }).click();
    await expect(page.getByTestId("background-video")).toHaveCount(1);

    // Reduced motion: no video and no switch for one.
    await page.emulateMedia({ reducedMotion: "reduce" });
    await expect(page.getByTestId("background-video")).toHaveCount(0);
    await expect(page.getByRole("button", { name: "Background video" })).toHaveCount(0);
  });
});
