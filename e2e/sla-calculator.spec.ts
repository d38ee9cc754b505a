import { expect, type Page } from "@playwright/test";
import { isolatedAppTest } from "./support/app";
import { signInAndLand } from "./support/sign-in";

const test = isolatedAppTest();

async function openCalculator(page: Page) {
  await signInAndLand(page, "am@hostdesk.test", "/accounts");
  await page.getByRole("navigation", { name: "Accounts sections" }).getByRole("link", { name: "Calculator" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("SLA calculator");
  const target = page.getByRole("form", { name: "Scenario" }).getByRole("group", { name: "Target" });
  const windows = page.getByRole("table", { name: /^Allowed downtime per window at/ });
  return { target, windows };
}

test("an account manager negotiates in hours of downtime, shares the scenario and saves the offer as a proposal", async ({ page, app }) => {
  await page.context().grantPermissions(["clipboard-read", "clipboard-write"], { origin: app.url });
  const { target, windows } = await openCalculator(page);

  // 99 % over a year: the golden figure.
  await target.getByLabel("Availability").fill("99");
  await target.getByLabel("Measurement window").selectOption("year");
  await expect(windows.getByRole("row", { name: /^Year/ })).toContainText("87 h 39 m");
  await expect(page.getByTestId("allowed-downtime")).toHaveText("87 h 39 m per year");

  // 99.9 % of a 30-day month.
  await target.getByLabel("Availability").fill("99.9");
  await target.getByLabel("Month convention").selectOption("30d");
  await expect(windows.getByRole("row", { name: /^Month/ })).toContainText("43 m 12 s");

  // Three tiers side by side, the best value marked and explained, with both charts.
  const tiers = page.getByRole("table", { name: /^Tiers by price/ });
  await expect(tiers.locator("tbody tr")).toHaveCount(3);
  await expect(tiers.getByRole("row", { name: /Business/ })).toContainText("Best value");
  await expect(tiers.getByRole("row", { name: /Premium/ })).not.toContainText("Best value");
  await expect(page.getByTestId("tier-verdict")).toContainText("Paying more stops paying off after Business");
  await expect(page.getByRole("img", { name: /^Allowed downtime per window for each tier, log scale\. Per year: Basic 43 h 49 m/ })).toBeVisible();
  await expect(page.getByRole("img", { name: /^Price plus expected downtime cost per year, per tier: .* Business has the lowest total\.$/ })).toBeVisible();
  await expect(page.getByTestId("terms-de")).toContainText("Höchstens 8 Std. 45 Min. Ausfallzeit pro Jahr");

  // The link carries the scenario: copied, it is the address bar, and it opens the same scenario.
  await page.getByRole("button", { name: "Copy link" }).click();
  await expect(page.getByText("Link copied")).toBeVisible();
  const link = await page.evaluate(() => navigator.clipboard.readText());
  expect(link).toMatch(/\/accounts\/calculator\?s=[\w-]+$/);
  await expect(page).toHaveURL(link);
  await page.goto("/accounts");
  await page.goto(link);
  await expect(target.getByLabel("Availability")).toHaveValue("99.9");
  await expect(target.getByLabel("Measurement window")).toHaveValue("year");
  await expect(target.getByLabel("Month convention")).toHaveValue("30d");
  await expect(windows.getByRole("row", { name: /^Month/ })).toContainText("43 m 12 s");
  await expect(page.getByText(/could not be read/)).toHaveCount(0);

  // Offer Acme the Business tier; the calendar with Business's support hours is preselected.
  const save = page.getByRole("form", { name: "Save as proposal" });
  await save.getByLabel("Customer").selectOption({ label: "Acme" });
  await save.getByLabel("Title").fill("Acme service level 2027");
  await save.getByLabel("Tier to offer").selectOption("Business");
  await expect(save.getByLabel("Support calendar").locator("option:checked")).toHaveText("Extended hours Berlin");
  await expect(save.getByLabel("Starts on")).toHaveValue(/^\d{4}-\d{2}-01$/);
  await save.getByRole("button", { name: "Save proposal" }).click();
  await expect(page).toHaveURL(/\/accounts\/proposals\/[0-9a-f-]{36}$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Acme service level 2027");

  // Acme says yes: the version becomes Acme's next contract, starting on the agreed date.
  await page.getByRole("button", { name: "Accept version 1" }).click();
  await page.getByRole("button", { name: "Confirm acceptance" }).click();
  await expect(page.getByRole("heading", { name: "Version 1 — accepted" })).toBeVisible();
  await expect(page.getByText("accepted", { exact: true })).toBeVisible();

  // Acme's owner reads the terms in plain words in the portal (the scenario measures over a year).
  const customer = await (await page.context().browser()!.newContext()).newPage();
  await signInAndLand(customer, "owner@acme.test", "/portal");
  await customer.getByRole("link", { name: "Service level" }).click();
  const upcoming = customer.getByRole("region", { name: /^New terms from \d{4}-\d{2}-01$/ });
  await expect(upcoming).toContainText(
    "At most 8 h 45 m downtime per year, no single outage longer than 4 h, support Mon–Fri 07–20 except public holidays, urgent tickets answered within 1 hour around the clock.",
  );
  await expect(upcoming).toContainText("Höchstens 8 Std. 45 Min. Ausfallzeit pro Jahr");
  // The contract in force until then is still shown, term by term.
  await expect(customer.getByRole("heading", { name: "The terms (version 1)" })).toBeVisible();
});

test("a bad figure is explained at its field and the last results stay; a broken link falls back to the defaults", async ({ page }) => {
  const { target, windows } = await openCalculator(page);
  const availability = target.getByLabel("Availability");
  await availability.fill("99");
  await target.getByLabel("Measurement window").selectOption("year");
  await expect(windows.getByRole("row", { name: /^Year/ })).toContainText("87 h 39 m");

  await availability.fill("100");
  await expect(target.getByText("Availability must be below 100 %: no service can promise that it is never down.")).toBeVisible();
  await expect(availability).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByText("These are the results of the last valid scenario.")).toBeVisible();
  await expect(windows.getByRole("row", { name: /^Year/ })).toContainText("87 h 39 m");
  await expect(page.getByRole("form", { name: "Save as proposal" }).getByRole("button", { name: "Save proposal" })).toBeDisabled();

  await availability.fill("abc");
  await expect(target.getByText("Enter a percentage, e.g. 99.9.")).toBeVisible();
  await expect(windows.getByRole("row", { name: /^Year/ })).toContainText("87 h 39 m");

  await availability.fill("99.5");
  await expect(availability).toHaveAttribute("aria-invalid", "false");
  await expect(windows.getByRole("row", { name: /^Year/ })).toContainText("43 h 49 m");

  await page.goto("/accounts/calculator?s=not-a-scenario");
  await expect(page.getByRole("status").filter({ hasText: "could not be read" })).toContainText("starts from the defaults");
  await expect(target.getByLabel("Availability")).toHaveValue("99.9");
});

test("the chain behind a customer's service says what the infrastructure can deliver", async ({ page }) => {
  await openCalculator(page);
  const chain = page.getByRole("form", { name: "Composite availability" });
  await chain.getByLabel("Customer").selectOption({ label: "Acme" });
  const vm = chain.getByLabel("VM", { exact: true });
  await expect(vm.locator("option")).not.toHaveCount(1);
  await vm.selectOption({ index: 1 });
  await expect(chain.getByLabel("Service").locator("option")).not.toHaveCount(1);
  await chain.getByLabel("Service").selectOption({ index: 1 });
  const figure = page.getByTestId("chain-availability");
  await expect(figure).toContainText(/can deliver \d+(\.\d+)? %: about .* of downtime a month/);
  await expect(chain.getByText(/^Weakest part:/)).toBeVisible();
  const before = await figure.textContent();
  await chain.getByLabel("Hypervisor", { exact: true }).fill("99");
  await expect(figure).not.toHaveText(before ?? "");
});
