import { readFile } from "node:fs/promises";
import { expect, test } from "@playwright/test";
import ICAL from "ical.js";
import { ensureIracingData, inVisitorZone, runningSeries, VISITOR_ZONE } from "./iracing-support";
import { expectAccessible } from "./axe";
import { shot } from "./shot";

// The e2e server syncs from the simulated iRacing (150 series); the browser runs in New York time.

test.use({ timezoneId: VISITOR_ZONE });
test.describe.configure({ mode: "serial" });

test.beforeAll(async ({ request }) => {
  test.setTimeout(300_000);
  await ensureIracingData(request);
});

test.describe("iRacing pages", () => {
  test("the catalogue filters by category and search", async ({ page }) => {
    await page.goto("/iracing");
    await expect(page.getByRole("heading", { level: 1 })).toContainText("iRacing");
    const table = page.getByTestId("iracing-series");
    const rows = table.locator("tbody tr");
    const all = await rows.count();
    expect(all).toBeGreaterThan(50);

    await page.getByLabel("Category").selectOption({ label: "Oval" });
    await expect(page).toHaveURL(/category=oval/);
    await expect.poll(() => rows.count()).toBeLessThan(all);
    for (const cell of await table.locator('td[data-column="category"]').allTextContents()) expect(cell).toBe("Oval");

    const name = (await rows.first().locator('td[data-column="series"] a').first().textContent())!;
    await page.getByLabel("Search").fill(name.slice(0, 8));
    await page.getByRole("button", { name: "Apply" }).click();
    await expect(page).toHaveURL(/q=/);
    await expect(rows.first()).toContainText(name.slice(0, 8));
    await shot(page, "iracing-catalogue-filtered");
    await page.getByRole("link", { name: "Reset" }).click();
    await expect.poll(() => rows.count()).toBe(all);
    await expectAccessible(page, "iracing-catalogue-filtered");
  });

  test("a season shows its weeks, the current one highlighted, and next sessions in the visitor's time zone", async ({ page, request }) => {
    const running = await runningSeries(request);
    await page.goto(`/iracing?q=${encodeURIComponent(running.name)}`);
    const row = page.getByTestId("iracing-series").locator("tbody tr", { hasText: running.name }).first();
    await row.locator('td[data-column="series"] span a').click();
    await expect(page).toHaveURL(new RegExp(`/iracing/seasons/${running.seasonId}$`));
    await expect(page.getByRole("heading", { level: 1 })).toContainText(running.name);
    const weeks = page.getByTestId("iracing-schedule").locator("tbody tr");
    expect(await weeks.count()).toBeGreaterThanOrEqual(10);
    await expect(page.getByTestId("iracing-schedule").locator('tr[aria-current="true"]')).toHaveCount(1);

    const sessions = page.getByRole("list", { name: "Next sessions" }).locator("li");
    await expect(sessions.first()).toBeVisible();
    const time = sessions.first().locator("time");
    const iso = (await time.getAttribute("datetime"))!;
    await expect(time).toHaveText(inVisitorZone(iso));
    expect(inVisitorZone(iso)).toMatch(/GMT-[45]/);
    await expect(sessions.first()).toContainText(/in \d+/);
    await shot(page, "iracing-season");
    await expectAccessible(page, "iracing-season");
  });

  test("a track shows its configurations, map and the series racing there", async ({ page }) => {
    await page.goto("/iracing");
    await page.getByTestId("iracing-series").locator('td[data-column="track"] a').first().click();
    await expect(page).toHaveURL(/\/iracing\/tracks\/\d+/);
    await expect(page.getByTestId("iracing-configs").locator("tbody tr").first()).toBeVisible();
    await expect(page.getByRole("img", { name: /^Map of / })).toBeVisible();
    await expect(page.getByTestId("iracing-track-racing").locator("tbody tr").first()).toBeVisible();
    await shot(page, "iracing-track");
    await expectAccessible(page, "iracing-track");
  });

  test("marking owned content narrows the lists to what one can race", async ({ page }) => {
    await page.goto("/iracing");
    const count = page.getByText(/^\d+ of \d+ series$/);
    const all = Number((await count.textContent())!.split(" of ")[1]!.split(" ")[0]);
    await page.getByLabel("Only what I can race").check();
    const freeOnly = Number((await count.textContent())!.split(" ")[0]);
    expect(freeOnly).toBeLessThan(all);

    // Own the track and the cars of a series not raceable yet: it joins the list.
    const series = (await (await page.request.get("/api/v1/iracing/series")).json()) as { data: { name: string; week: { packageId: number; carIds: number[] } | null }[] };
    const shown = new Set(await page.getByTestId("iracing-series").locator('td[data-column="series"] a:first-child').allTextContents());
    const target = series.data.find((s) => s.week && s.week.carIds.length > 0 && !shown.has(s.name))!;
    await page.goto("/iracing/planner");
    const tracks = (await (await page.request.get("/api/v1/iracing/tracks")).json()) as { data: { packageId: number; name: string }[] };
    const cars = (await (await page.request.get("/api/v1/iracing/cars")).json()) as { data: { carId: number; name: string }[] };
    const trackName = tracks.data.find((t) => t.packageId === target.week!.packageId)!.name;
    const carName = cars.data.find((c) => c.carId === target.week!.carIds[0])!.name;
    const trackList = page.getByRole("region", { name: /^Tracks/ });
    await trackList.getByLabel("Find tracks").fill(trackName);
    await trackList.getByRole("checkbox", { name: trackName, exact: true }).check();
    const carList = page.getByRole("region", { name: /^Cars/ });
    await carList.getByLabel("Find cars").fill(carName);
    await carList.getByRole("checkbox", { name: carName, exact: true }).check();
    await expect(page.getByText("1 owned").first()).toBeVisible();
    await shot(page, "iracing-planner");
    await expectAccessible(page, "iracing-planner");

    await page.goto("/iracing");
    await page.getByLabel("Only what I can race").check();
    await expect(page.getByTestId("iracing-series")).toContainText(target.name);
    expect(Number((await count.textContent())!.split(" ")[0])).toBeGreaterThan(freeOnly);
  });

  test("the next 24 hours list every series' sessions, and a pinned one goes into the plan's calendar", async ({ page }) => {
    await page.goto("/iracing/now");
    await expect(page.getByRole("heading", { level: 1 })).toContainText("next 24 hours");
    const rows = page.getByTestId("iracing-sessions").locator("tbody tr");
    await expect(rows).toHaveCount(50);
    await expect(page.getByRole("navigation", { name: "Pages" })).toContainText(/Page 1 of \d+/);
    await expectAccessible(page, "iracing-planner");
    const row = rows.nth(3);
    const iso = (await row.locator("time").getAttribute("datetime"))!;
    const series = (await row.locator('td[data-column="series"] a').first().textContent())!;
    await row.getByRole("button", { name: /^Pin / }).click();
    await expect(row.getByRole("button", { name: /^Unpin / })).toHaveAttribute("aria-pressed", "true");

    await page.getByRole("navigation", { name: "iRacing" }).getByRole("link", { name: "Planner" }).click();
    const pinned = page.getByRole("list", { name: "Pinned sessions" }).locator("li");
    await expect(pinned).toHaveCount(1);
    await expect(pinned.first()).toContainText(series);
    await expect(pinned.first().locator("time")).toHaveText(inVisitorZone(iso));
    await page.getByLabel("Reminder").selectOption("30");
    const download = page.waitForEvent("download");
    await page.getByRole("link", { name: "Download calendar (.ics)" }).click();
    const file = await (await download).path();
    const calendar = new ICAL.Component(ICAL.parse(await readFile(file, "utf8")));
    const events = calendar.getAllSubcomponents("vevent");
    expect(events).toHaveLength(1);
    const event = new ICAL.Event(events[0]!);
    expect(event.summary).toBe(series);
    expect(event.startDate.toJSDate().toISOString()).toBe(iso);
    expect(events[0]!.getFirstSubcomponent("valarm")?.getFirstPropertyValue("trigger")?.toString()).toBe("-PT30M");
    await shot(page, "iracing-my-week");
  });
});
