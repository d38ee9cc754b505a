import { expect, type Locator, type Page } from "@playwright/test";
import { isolatedAppTest } from "./support/app";
import { signInAndLand } from "./support/sign-in";

const test = isolatedAppTest();

/** The last full month (UTC), as the report names it: the seed's history is placed relative to it. */
function lastMonth(): string {
  const now = new Date();
  return new Intl.DateTimeFormat("en-GB", { month: "long", year: "numeric", timeZone: "UTC" }).format(new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 1, 1)));
}

const chart = (page: Page) => page.getByRole("img", { name: /^First answers within the agreed time, month by month: / });
const summary = (scope: Page | Locator) => scope.getByTestId("compliance-summary");

const ACME = () => `In ${lastMonth()}, 9 of 10 first answers came within the agreed time; half of all first answers came within 42 minutes.`;
const GLOBEX = () => `In ${lastMonth()}, all 3 first answers came within the agreed time; half of all first answers came within 1 hour 5 minutes.`;

test("Acme's owner sees how the service level was kept, below the terms", async ({ page }) => {
  await signInAndLand(page, "owner@acme.test", "/portal");
  await page.getByRole("link", { name: "Service level" }).click();
  const report = page.getByRole("region", { name: "How it was kept" });
  await expect(summary(report)).toContainText(ACME());
  await expect(chart(page)).toHaveAccessibleName(new RegExp(`${lastMonth()} 90 %`));
  // A month without tickets says so, not 0 %.
  await expect(chart(page)).toHaveAccessibleName(/no tickets/);
  await expect(report.getByRole("table", { name: "Service level kept, month by month" }).getByRole("row", { name: new RegExp(`^${lastMonth()} `) })).toContainText("9 of 10 (90 %)");
  await expect(page.getByRole("img", { name: /^Median time to a first answer, month by month: / })).toHaveAccessibleName(new RegExp(`${lastMonth()} 42 m`));
});

test("the account manager sees the same for Acme on its account page", async ({ page }) => {
  await signInAndLand(page, "am@hostdesk.test", "/accounts");
  await page.getByRole("main").getByRole("link", { name: "Acme", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Acme");
  await expect(summary(page.getByRole("region", { name: "How the service level was kept" }))).toContainText(ACME());
  await expect(chart(page)).toHaveAccessibleName(new RegExp(`${lastMonth()} 90 %`));
});

test("Globex's owner sees Globex's figures, never Acme's", async ({ page }) => {
  await signInAndLand(page, "owner@globex.test", "/portal");
  await page.goto("/portal/sla");
  const text = summary(page);
  await expect(text).toContainText(GLOBEX());
  await expect(text).not.toContainText("9 of 10");
  await expect(text).not.toContainText("42 minutes");
  await expect(chart(page)).toHaveAccessibleName(new RegExp(`${lastMonth()} 100 %`));
});
