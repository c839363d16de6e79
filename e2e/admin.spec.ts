import { expect, test, type Page } from "@playwright/test";
import { E2E_ADMIN_API_TOKEN, E2E_ADMIN_PASSWORD } from "./env";

async function logIn(page: Page, password: string) {
  await page.getByLabel("Admin password").fill(password);
  await page.getByRole("button", { name: "Log in" }).click();
}

test.describe("admin dashboard", () => {
  test("an unauthenticated visit to /admin/** goes to the login page and comes back after it", async ({ page }) => {
    await page.goto("/admin/runs?status=failed");
    await expect(page).toHaveURL(/\/admin\/login\?next=%2Fadmin%2Fruns%3Fstatus%3Dfailed$/);
    await logIn(page, E2E_ADMIN_PASSWORD);
    await expect(page).toHaveURL(/\/admin\/runs\?status=failed$/);
    await expect(page.getByRole("heading", { level: 1, name: "Runs" })).toBeVisible();
  });

  test("log in, run the self-test, watch its progress reach 100 %, find it in the history, log out", async ({ page }) => {
    await page.goto("/admin");
    await expect(page).toHaveURL(/\/admin\/login$/);

    await logIn(page, "not-the-admin-password");
    await expect(page.getByRole("alert").filter({ hasText: "Wrong password" })).toHaveText(/^Wrong password\. \d attempts? left this minute\.$/);
    await expect(page).toHaveURL(/\/admin\/login$/);

    await logIn(page, E2E_ADMIN_PASSWORD);
    await expect(page).toHaveURL(/\/admin$/);
    const [cookie] = await page.context().cookies();
    expect(cookie).toMatchObject({ name: "pitwall_admin", path: "/admin", httpOnly: true, sameSite: "Strict", secure: false });
    expect(cookie!.expires * 1000 - Date.now()).toBeGreaterThan(11.9 * 3600_000);
    expect(cookie!.expires * 1000 - Date.now()).toBeLessThanOrEqual(12 * 3600_000);
    const card = page.getByRole("article", { name: "Platform self-test" });
    await expect(card).toBeVisible();

    // The card shows the previous run (if any) until the new one appears.
    const detailsLink = card.getByRole("link", { name: "Run details →" });
    const previous = (await detailsLink.count()) ? await detailsLink.getAttribute("href") : null;
    await card.getByRole("button", { name: "Run now" }).click();
    await expect(detailsLink).toHaveAttribute("href", /^\/admin\/runs\/[0-9a-f-]{36}$/);
    if (previous) await expect(detailsLink).not.toHaveAttribute("href", previous);
    const bar = card.getByRole("progressbar", { name: "Progress of Platform self-test" });
    const seen = new Set<number>();
    await expect
      .poll(
        async () => {
          const value = Number((await bar.getAttribute("aria-valuenow", { timeout: 1_000 }).catch(() => null)) ?? -1);
          seen.add(value);
          return value;
        },
        { timeout: 45_000, intervals: [200] },
      )
      .toBe(100);
    // The bar moved while the run was going, not only once it had ended.
    expect([...seen].filter((v) => v > 0 && v < 100).length, `values seen: ${[...seen].join(", ")}`).toBeGreaterThan(0);
    await expect(card.locator('[data-status="succeeded"]')).toBeVisible();
    await expect(card.getByText("20 / 20 (100 %)")).toBeVisible();

    const details = await detailsLink.getAttribute("href");
    const runId = details?.split("/").pop();
    expect(runId).toMatch(/^[0-9a-f-]{36}$/);

    await page.getByRole("navigation", { name: "Admin" }).getByRole("link", { name: "Runs" }).click();
    await expect(page).toHaveURL(/\/admin\/runs$/);
    const row = page.locator(`tr[data-run-id="${runId}"]`);
    await expect(row).toContainText("succeeded");
    await expect(row).toContainText("admin");

    // The filters narrow the history to it.
    await page.getByLabel("Status").selectOption("succeeded");
    await page.getByLabel("Trigger").selectOption("admin");
    await page.getByRole("button", { name: "Apply" }).click();
    await expect(page).toHaveURL(/status=succeeded/);
    await expect(row).toBeVisible();

    await row.getByRole("link", { name: "Platform self-test" }).click();
    await expect(page).toHaveURL(new RegExp(`/admin/runs/${runId}$`));
    await expect(page.getByRole("heading", { level: 1, name: "Platform self-test" })).toBeVisible();
    const steps = page.getByRole("table", { name: "Steps" });
    // open-sync-run, start, 20 laps, finish.
    await expect(steps.locator("tbody tr")).toHaveCount(23);
    await expect(steps.locator("tbody tr").filter({ hasText: "lap-20" })).toContainText("completed");

    const live = await page.request.get("/admin/live", { headers: { cookie: `pitwall_admin=${cookie!.value}` } });
    expect(live.status()).toBe(200);
    await page.getByRole("button", { name: "Log out" }).click();
    await expect(page).toHaveURL(/\/admin\/login$/);
    await page.goto(`/admin/runs/${runId}`);
    await expect(page).toHaveURL(/\/admin\/login\?next=/);
    // Logging out ended the session on the server: a copy of the cookie no longer opens anything.
    const copied = await page.request.get("/admin/live", { headers: { cookie: `pitwall_admin=${cookie!.value}` } });
    expect(copied.status()).toBe(401);
  });

  test("Cancel stops a running sync", async ({ page }) => {
    await page.goto("/admin");
    await logIn(page, E2E_ADMIN_PASSWORD);
    const card = page.getByRole("article", { name: "Platform self-test" });
    await card.getByRole("button", { name: "Run now" }).click();
    await expect(card.locator('[data-status="running"]')).toBeVisible();
    await card.getByRole("button", { name: "Cancel" }).click();
    await expect(card.locator('[data-status="cancelled"]')).toBeVisible();
    await expect(card.getByRole("button", { name: "Run now" })).toBeEnabled();
    // It stays cancelled: the laps still in flight do not bring it back.
    await page.waitForTimeout(3_000);
    await page.reload();
    await expect(card.locator('[data-status="cancelled"]')).toBeVisible();
    const done = Number(await card.getByRole("progressbar").getAttribute("aria-valuenow"));
    expect(done).toBeLessThan(100);
  });

  test("the API ledger page lists upstream calls with per-source totals", async ({ page }) => {
    await page.goto("/admin/ledger");
    await logIn(page, E2E_ADMIN_PASSWORD);
    await expect(page).toHaveURL(/\/admin\/ledger$/);
    await expect(page.getByRole("heading", { level: 1, name: "API ledger" })).toBeVisible();
    await expect(page.getByRole("heading", { name: "Per source" })).toBeVisible();
  });

  test("scripts need the admin API token to start a sync", async ({ request }) => {
    const refused = await request.post("/api/v1/admin/syncs/platform.selftest");
    expect(refused.status()).toBe(401);
    expect(await refused.json()).toMatchObject({ error: { code: "unauthorized" } });

    const accepted = await request.post("/api/v1/admin/syncs/platform.selftest", { headers: { authorization: `Bearer ${E2E_ADMIN_API_TOKEN}` } });
    expect(accepted.status()).toBe(202);
    const { syncRunId } = (await accepted.json()) as { syncRunId: string };
    await expect
      .poll(
        async () => {
          const run = await request.get(`/api/v1/admin/sync-runs/${syncRunId}`, { headers: { authorization: `Bearer ${E2E_ADMIN_API_TOKEN}` } });
          return ((await run.json()) as { status: string }).status;
        },
        { timeout: 45_000 },
      )
      .toBe("succeeded");
  });
});
