import { expect, test } from "@playwright/test";
import { sectionsOf } from "./sections";

test.describe("site shell", () => {
  test("header links lead to every section and back home", async ({ page, request }) => {
    const sections = await sectionsOf(request);
    expect(sections.length).toBeGreaterThan(0);
    await page.goto("/");
    await expect(page.getByRole("heading", { level: 1, name: "Pitwall" })).toBeVisible();
    const nav = page.getByRole("navigation", { name: "Main" });
    for (const { slug, name } of sections) {
      await nav.getByRole("link", { name, exact: true }).click();
      await expect(page).toHaveURL(new RegExp(`/${slug}$`));
      await expect(page.getByRole("heading", { level: 1 }).first()).toContainText(name);
      await expect(nav.getByRole("link", { name, exact: true })).toHaveAttribute("aria-current", "page");
    }
    await nav.getByRole("link", { name: "Admin" }).click();
    await expect(page).toHaveURL(/\/admin/);
    await page.getByRole("link", { name: "Pitwall home" }).click();
    await expect(page).toHaveURL(/\/$/);
  });

  test("home page shows each section: its figures, or an empty state that says what to do", async ({ page, request }) => {
    const sections = await sectionsOf(request);
    await page.goto("/");
    for (const section of sections) {
      const card = page.getByTestId(`section-${section.slug}`);
      await expect(card).toBeVisible();
      if (section.hasData) await expect(card.getByRole("definition").first()).toBeVisible();
      else await expect(card.getByRole("status")).toContainText("No data yet");
    }
    await expect(page.locator("body")).not.toContainText(/lorem ipsum/i);
    await page.screenshot({ path: "test-results/shell-home.png", fullPage: true });
  });

  test("theme follows the system setting and the toggle overrides it", async ({ page }) => {
    await page.emulateMedia({ colorScheme: "dark" });
    await page.goto("/");
    const html = page.locator("html");
    await expect(html).toHaveAttribute("data-theme", "dark");
    await page.emulateMedia({ colorScheme: "light" });
    await expect(html).toHaveAttribute("data-theme", "light");

    const toggle = page.getByTestId("theme-toggle");
    await toggle.click(); // system -> light
    await expect(toggle).toHaveAttribute("data-choice", "light");
    await toggle.click(); // light -> dark
    await expect(html).toHaveAttribute("data-theme", "dark");
    await page.reload();
    await expect(html).toHaveAttribute("data-theme", "dark");
    await expect(page.getByTestId("theme-toggle")).toHaveAttribute("data-choice", "dark");
    const background = await page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor);
    expect(background).toBe("rgb(13, 15, 18)");
    await page.screenshot({ path: "test-results/shell-home-dark.png", fullPage: true });
    await toggle.click(); // dark -> system (light here)
    await expect(html).toHaveAttribute("data-theme", "light");
  });

  test("the site has its icons, a web manifest and robots.txt", async ({ page, request }) => {
    await page.goto("/");
    await expect(page.locator('link[rel="icon"][href^="/favicon.ico"]')).toHaveCount(1);
    await expect(page.locator('link[rel="apple-touch-icon"]')).toHaveAttribute("href", "/apple-touch-icon.png");
    const manifestHref = await page.locator('link[rel="manifest"]').getAttribute("href");
    const manifest = await (await request.get(manifestHref!)).json();
    expect(manifest).toMatchObject({ name: "Pitwall", display: "standalone" });
    for (const icon of manifest.icons as { src: string; type: string }[]) {
      const answer = await request.get(icon.src);
      expect(answer.status(), icon.src).toBe(200);
      expect(answer.headers()["content-type"]).toBe(icon.type);
    }
    expect((await request.get("/favicon.ico")).status()).toBe(200);
    expect(await (await request.get("/robots.txt")).text()).toContain("Disallow: /admin");
  });

  test("unknown pages answer 404", async ({ page }) => {
    const response = await page.goto("/no-such-section");
    expect(response?.status()).toBe(404);
  });
});

test.describe("API documentation", () => {
  test("the API link opens readable docs generated from the OpenAPI document", async ({ page, request }) => {
    await page.goto("/");
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "API" }).click();
    await expect(page).toHaveURL(/\/docs\/api$/);
    await expect(page.getByRole("heading", { level: 1, name: "Pitwall API" })).toBeVisible();

    // The overview lists every endpoint in the served document, each a link to its section on its group's page.
    const document = await (await request.get("/api/v1/openapi.json")).json();
    const operationIds = Object.values(document.paths as Record<string, Record<string, { operationId: string }>>).flatMap((item) =>
      Object.values(item).map((op) => op.operationId),
    );
    expect(operationIds.length).toBeGreaterThan(3);
    for (const id of operationIds) await expect(page.locator(`main a[href$="#${id}"]`)).toHaveCount(1);
    await page.screenshot({ path: "test-results/docs-api.png", fullPage: false });

    await page.locator('main a[href$="#platform.status"]').click();
    await expect(page).toHaveURL(/\/docs\/api\/platform#platform\.status$/);
    await expect(page.getByTestId("endpoint-platform.status")).toContainText("/api/v1/status");
    const groupLinks = page.getByRole("navigation", { name: "Endpoints" }).locator('a[href^="/docs/api/"]:not([href*="#"])');
    const groupPaths = await groupLinks.evaluateAll((links) => links.map((link) => link.getAttribute("href") as string));
    expect(groupPaths.length).toBeGreaterThan(3);

    // Every endpoint has its section on exactly one group page.
    const sections = new Map<string, number>();
    for (const path of groupPaths) {
      await page.goto(path);
      for (const id of await page.locator('[data-testid^="endpoint-"]').evaluateAll((els) => els.map((el) => el.id)))
        sections.set(id, (sections.get(id) ?? 0) + 1);
    }
    for (const id of operationIds) expect(sections.get(id), id).toBe(1);
  });
});
