import { expect } from "@playwright/test";
import { isolatedAppTest } from "./support/app";
import { signInAndLand } from "./support/sign-in";

const test = isolatedAppTest();

test("a customer who opens staff areas is sent back to the portal and sees no staff data", async ({ page }) => {
  await signInAndLand(page, "dev@acme.test", "/portal");
  for (const path of ["/desk", "/accounts", "/admin/users", "/admin/audit"]) {
    await page.goto(path);
    await expect(page).toHaveURL(/\/portal$/);
    await expect(page.getByText("Globex")).toHaveCount(0);
  }
});

test("staff are kept to their own areas", async ({ page }) => {
  await signInAndLand(page, "agent@hostdesk.test", "/desk");
  for (const path of ["/accounts", "/admin/users", "/portal"]) {
    await page.goto(path);
    await expect(page).toHaveURL(/\/desk$/);
  }
});

test("the API refuses what the pages hide", async ({ page }) => {
  await signInAndLand(page, "owner@acme.test", "/portal");
  const users = await page.request.get("/api/trpc/users.list?input=" + encodeURIComponent(JSON.stringify({ json: {} })));
  expect(users.status()).toBe(403);
  const audit = await page.request.get("/api/trpc/audit.list?input=" + encodeURIComponent(JSON.stringify({ json: {} })));
  expect(audit.status()).toBe(403);
});

test("a mutation posted from another site is refused", async ({ page }) => {
  await signInAndLand(page, "admin@hostdesk.test", "/desk");
  const forged = await page.request.post("/api/trpc/orgs.create", {
    headers: { origin: "https://evil.example", "content-type": "application/json" },
    data: { json: { name: "Forged" } },
  });
  expect(forged.status()).toBe(403);
  await page.goto("/admin/orgs");
  await expect(page.getByRole("cell", { name: "Acme", exact: true })).toBeVisible();
  await expect(page.getByText("Forged")).toHaveCount(0);
});

test("an admin may go anywhere", async ({ page }) => {
  await signInAndLand(page, "admin@hostdesk.test", "/desk");
  for (const [path, heading] of [
    ["/portal", "Acme"],
    ["/accounts", "Accounts"],
    ["/admin/users", "Users"],
  ] as const) {
    await page.goto(path);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(heading);
  }
});

test("health endpoints answer for load balancers", async ({ request }) => {
  expect((await request.get("/api/health/live")).status()).toBe(200);
  const ready = await request.get("/api/health/ready");
  expect(ready.status()).toBe(200);
  expect(await ready.json()).toMatchObject({ ready: true, database: "ok", migrations: "current" });
});
