import { expect } from "@playwright/test";
import { isolatedAppTest } from "./support/app";
import { signIn, signInAndLand } from "./support/sign-in";

const test = isolatedAppTest();

const landings = [
  { email: "admin@hostdesk.test", landing: "/desk", areas: ["Customer portal", "Help desk", "Accounts", "Administration"] },
  { email: "agent@hostdesk.test", landing: "/desk", areas: [] },
  { email: "engineer@hostdesk.test", landing: "/desk", areas: [] },
  { email: "am@hostdesk.test", landing: "/accounts", areas: [] },
  { email: "owner@acme.test", landing: "/portal", areas: [] },
  { email: "dev@acme.test", landing: "/portal", areas: [] },
  { email: "owner@globex.test", landing: "/portal", areas: [] },
];

for (const { email, landing, areas } of landings) {
  test(`${email} signs in and lands in ${landing}, seeing only the areas the role may use`, async ({ page }) => {
    await signInAndLand(page, email, landing);
    const nav = page.getByRole("navigation", { name: "Areas" });
    if (areas.length === 0) await expect(nav).toHaveCount(0);
    else await expect(nav.getByRole("link")).toHaveText(areas);
  });
}

test("a customer sees their own org and team, never another org", async ({ page }) => {
  await signInAndLand(page, "owner@globex.test", "/portal");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Globex");
  await expect(page.getByRole("listitem").filter({ hasText: "Gus Globex" })).toContainText("Owner");
  await expect(page.getByText("Acme")).toHaveCount(0);
  await page.goto("/portal?org=acme");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Globex");
});

test("a wrong password says so and keeps the person on the sign-in page", async ({ page }) => {
  await signIn(page, "agent@hostdesk.test", "not-the-password");
  await expect(page.getByRole("main").getByRole("alert")).toHaveText("Wrong email or password.");
  await expect(page).toHaveURL(/\/login/);
});

test("repeated failures throttle the account with a message that says when to retry", async ({ page }) => {
  for (let i = 0; i < 5; i++) {
    await signIn(page, "ghost@nowhere.test", `guess-${i}`);
    await expect(page.getByRole("main").getByRole("alert")).toHaveText("Wrong email or password.");
  }
  await signIn(page, "ghost@nowhere.test", "guess-6");
  await expect(page.getByRole("main").getByRole("alert")).toContainText(/Too many failed sign-in attempts\. Try again in \d+ minutes?\./);
});

test("signing out ends the session", async ({ page }) => {
  await signInAndLand(page, "agent@hostdesk.test", "/desk");
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/login/);
  await page.goto("/desk");
  await expect(page).toHaveURL(/\/login\?callbackUrl=%2Fdesk/);
});

test("the sign-in page returns people to where they were going", async ({ page }) => {
  await page.goto("/accounts");
  await expect(page).toHaveURL(/\/login\?callbackUrl=%2Faccounts/);
  await page.getByLabel("Email").fill("am@hostdesk.test");
  await page.getByLabel("Password").fill("hostdesk-demo");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/accounts$/);
  await expect(page.getByRole("heading", { name: "Accounts" })).toBeVisible();
});
