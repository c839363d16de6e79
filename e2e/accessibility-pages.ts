import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import { expectAccessible } from "./axe";
import { E2E_ADMIN_API_TOKEN, E2E_ADMIN_PASSWORD } from "./env";

/**
 * Every page Pitwall has, opened with real data from the simulators as a visitor would see it, for the accessibility
 * specs (desktop and phone check the same list).
 */

interface RaceroomStatus {
  live: { generationId: number; entries: number } | null;
  running: { leaderboardsDone: number; leaderboardsTotal: number } | null;
}

/** A driver on the busiest leaderboard, and where to find them. */
export interface RaceroomSample {
  layoutId: number;
  classId: number;
  driverId: number;
  driverName: string;
}

const adminHeaders = { authorization: `Bearer ${E2E_ADMIN_API_TOKEN}` };

async function raceroomStatus(request: APIRequestContext): Promise<RaceroomStatus> {
  return (await (await request.get("/api/v1/raceroom/status")).json()) as RaceroomStatus;
}

/** Fills RaceRoom from the simulator with a real full refresh unless another spec already has, and picks a driver. */
export async function raceroomSample(request: APIRequestContext): Promise<RaceroomSample> {
  const before = await raceroomStatus(request);
  if (before.live === null && before.running === null) {
    expect((await request.post("/api/v1/admin/syncs/raceroom.full-refresh", { headers: adminHeaders })).status()).toBe(202);
  }
  await expect
    .poll(async () => {
      const now = await raceroomStatus(request);
      return now.live !== null && now.running === null;
    }, { timeout: 300_000, intervals: [2_000] })
    .toBe(true);
  const top = (await (await request.get("/api/v1/raceroom/leaderboards?limit=1")).json()) as { data: { layoutId: number; classId: number }[] };
  const { layoutId, classId } = top.data[0]!;
  const board = (await (await request.get(`/api/v1/raceroom/leaderboards/${layoutId}/${classId}?limit=100`)).json()) as {
    data: { position: number; driverId: number; driverName: string }[];
  };
  const entry = board.data.find((e) => e.position > 3 && /^[A-Z][a-z]+ [A-Z][a-z]{3,}$/.test(e.driverName));
  expect(entry, "a plainly named driver on the busiest leaderboard").toBeDefined();
  return { layoutId, classId, driverId: entry!.driverId, driverName: entry!.driverName };
}

async function logIn(page: Page, path: string) {
  await page.goto(`/admin/login?next=${encodeURIComponent(path)}`);
  await page.getByLabel("Admin password").fill(E2E_ADMIN_PASSWORD);
  await page.getByRole("button", { name: "Log in" }).click();
  await expect(page).toHaveURL(new RegExp(`${path.replace(/[/?]/g, "\\$&")}$`));
}

/** Pitwall's own 404 page (app/not-found.tsx), with the 404 status. */
async function showsNotFound(page: Page, path: string) {
  expect((await page.goto(path))?.status()).toBe(404);
  await expect(page.getByRole("heading", { level: 1, name: "Page not found" })).toBeVisible();
}

export interface PageVisit {
  /** How the report names the page. */
  label: string;
  /** Opens the page and waits until its content is shown. */
  open: (page: Page, sample: RaceroomSample) => Promise<void>;
  /** Checked at desktop width only: the phone shows the same content in the same colours (and its own spec checks the layout). */
  desktopOnly?: true;
}

/** The API reference's group pages: slug and title. */
const API_GROUPS = [
  ["platform", "Platform"],
  ["raceroom", "RaceRoom"],
  ["raceroom-exports", "RaceRoom exports"],
  ["iracing", "iRacing"],
  ["iracing-calendars", "iRacing calendars"],
  ["endurance", "Endurance"],
  ["f1", "F1"],
  ["admin", "Admin"],
] as const;

export const pagesToCheck: PageVisit[] = [
  {
    label: "home",
    open: async (page) => {
      await page.goto("/");
      await expect(page.getByTestId("section-raceroom").getByRole("definition").first()).toBeVisible();
    },
  },
  {
    label: "RaceRoom drivers",
    open: async (page) => {
      await page.goto("/raceroom");
      await expect(page.getByTestId("driver-search")).toBeVisible();
      await expect(page.getByTestId("top-leaderboards-table").locator("tbody tr").first()).toBeVisible();
    },
  },
  {
    label: "RaceRoom driver search with ?q=",
    open: async (page, sample) => {
      await page.goto(`/raceroom?q=${encodeURIComponent(sample.driverName.slice(0, 5))}`);
      await expect(page.locator(`[data-testid="driver-hit"][href="/raceroom/drivers/${sample.driverId}"]`)).toBeVisible();
    },
  },
  {
    label: "RaceRoom driver",
    open: async (page, sample) => {
      await page.goto(`/raceroom/drivers/${sample.driverId}`);
      await expect(page.getByTestId("driver-name")).toHaveText(sample.driverName);
      await expect(page.getByTestId("driver-results").locator("tbody tr").first()).toBeVisible();
      await expect(page.getByTestId("pb-chart").or(page.getByTestId("pb-empty"))).toBeVisible();
    },
  },
  {
    label: "RaceRoom top leaderboards",
    open: async (page) => {
      await page.goto("/raceroom/leaderboards");
      await expect(page.getByTestId("top-leaderboards-table").locator("tbody tr").first()).toBeVisible();
    },
  },
  {
    label: "RaceRoom leaderboard",
    open: async (page, sample) => {
      await page.goto(`/raceroom/leaderboards/${sample.layoutId}/${sample.classId}`);
      await expect(page.getByTestId("leaderboard-table").locator("tbody tr").first()).toBeVisible();
    },
  },
  {
    label: "RaceRoom leaderboard with a followed driver",
    open: async (page, sample) => {
      await page.goto(`/raceroom/leaderboards/${sample.layoutId}/${sample.classId}?driver=${sample.driverId}`);
      await expect(page.getByTestId("followed-row")).toContainText(sample.driverName);
    },
  },
  {
    label: "API documentation",
    open: async (page) => {
      await page.goto("/docs/api");
      await expect(page.getByRole("heading", { level: 1, name: "Pitwall API" })).toBeVisible();
    },
  },
  // Each group of the API reference on its own page; docs.mobile.spec.ts checks how one reads on a phone.
  ...API_GROUPS.map(
    ([slug, title]): PageVisit => ({
      label: `API documentation: ${title}`,
      desktopOnly: true,
      open: async (page) => {
        await page.goto(`/docs/api/${slug}`);
        await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
      },
    }),
  ),
  {
    label: "not found",
    open: (page) => showsNotFound(page, "/no-such-section"),
  },
  {
    label: "RaceRoom driver not found",
    open: (page) => showsNotFound(page, "/raceroom/drivers/999999999"),
  },
  {
    label: "RaceRoom leaderboard not found",
    open: (page) => showsNotFound(page, "/raceroom/leaderboards/999999/999999"),
  },
  {
    label: "admin login",
    open: async (page) => {
      await page.goto("/admin/login");
      await expect(page.getByLabel("Admin password")).toBeVisible();
    },
  },
  {
    label: "admin login after a wrong password",
    open: async (page) => {
      await page.goto("/admin/login");
      await page.getByLabel("Admin password").fill("not-the-admin-password");
      await page.getByRole("button", { name: "Log in" }).click();
      await expect(page.getByRole("alert").filter({ hasText: "Wrong password" })).toBeVisible();
    },
  },
  {
    label: "admin dashboard",
    open: async (page) => {
      await logIn(page, "/admin");
      await expect(page.getByRole("article", { name: "RaceRoom full refresh" })).toBeVisible();
    },
  },
  {
    label: "admin runs",
    open: async (page) => {
      await logIn(page, "/admin/runs");
      await expect(page.getByRole("table", { name: "Sync runs" }).locator("tbody tr").first()).toBeVisible();
    },
  },
  {
    label: "admin run details",
    open: async (page) => {
      await logIn(page, "/admin/runs");
      await page.getByRole("table", { name: "Sync runs" }).getByRole("link", { name: "RaceRoom full refresh" }).first().click();
      await expect(page.getByRole("heading", { level: 1, name: "RaceRoom full refresh" })).toBeVisible();
      await expect(page.getByRole("table", { name: "Steps" }).locator("tbody tr").first()).toBeVisible();
    },
  },
  {
    label: "admin API ledger",
    open: async (page) => {
      await logIn(page, "/admin/ledger");
      await expect(page.getByRole("table", { name: "API calls" }).locator("tbody tr").first()).toBeVisible();
    },
  },
];

/** One test per page (each finds its data again, so one failure stops nothing): open it, keep a screenshot of its first screen in each theme in test-results/a11y/, run axe in both themes. */
export function checkEveryPage(device: "desktop" | "phone") {
  let sample: RaceroomSample | undefined;
  for (const visit of pagesToCheck) {
    if (device === "phone" && visit.desktopOnly) continue;
    test(`${visit.label} passes WCAG 2 A/AA in light and dark`, async ({ page, request }) => {
      test.setTimeout(360_000);
      sample ??= await raceroomSample(request);
      await visit.open(page, sample);
      // The first screen only: a full-page capture of the longest pages (the API reference is 46,000 px tall) took
      // longer than the checks themselves.
      await expectAccessible(page, visit.label, (theme) => `test-results/a11y/${visit.label.replace(/\W+/g, "-")}-${device}-${theme}.png`);
    });
  }
}
