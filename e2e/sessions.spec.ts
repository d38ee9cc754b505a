import { expect } from "@playwright/test";
import { isolatedAppTest } from "./support/app";
import { signInAndLand } from "./support/sign-in";

const test = isolatedAppTest();

test("an admin disabling an account ends its open session on the next request", async ({ browser }) => {
  const customer = await browser.newPage();
  await signInAndLand(customer, "dev@acme.test", "/portal");

  const admin = await browser.newPage();
  await signInAndLand(admin, "admin@hostdesk.test", "/desk");
  await admin.goto("/admin/users");
  const row = admin.getByTestId("user-row-dev@acme.test");
  await row.getByRole("button", { name: "Disable" }).click();
  await expect(row.getByText("Disabled")).toBeVisible();

  await customer.reload();
  await expect(customer).toHaveURL(/\/login/);
  await customer.getByLabel("Email").fill("dev@acme.test");
  await customer.getByLabel("Password").fill("hostdesk-demo");
  await customer.getByRole("button", { name: "Sign in" }).click();
  await expect(customer.getByRole("main").getByRole("alert")).toContainText("This account is disabled");
});

test("sign out everywhere ends the sessions of every browser", async ({ browser }) => {
  const laptop = await browser.newContext();
  const phone = await browser.newContext();
  const a = await laptop.newPage();
  const b = await phone.newPage();
  await signInAndLand(a, "owner@acme.test", "/portal");
  await signInAndLand(b, "owner@acme.test", "/portal");

  await a.goto("/account");
  await a.getByRole("button", { name: "Sign out everywhere" }).click();
  await expect(a).toHaveURL(/\/login/);
  await expect(a.getByRole("main").getByRole("alert")).toContainText("Your session has ended");

  await b.reload();
  await expect(b).toHaveURL(/\/login/);
  await laptop.close();
  await phone.close();
});

test("a role change takes effect on the next request", async ({ browser }) => {
  const am = await browser.newPage();
  await signInAndLand(am, "am@hostdesk.test", "/accounts");

  const admin = await browser.newPage();
  await signInAndLand(admin, "admin@hostdesk.test", "/desk");
  await admin.goto("/admin/users");
  const row = admin.getByTestId("user-row-am@hostdesk.test");
  await row.getByRole("button", { name: "Edit memberships" }).click();
  await row.getByLabel("Role").selectOption("agent");
  await row.getByRole("button", { name: "Change role" }).click();
  await expect(row.getByRole("listitem")).toHaveText("Hostdesk Operations: Support agent (1st level)");

  // The token still says account manager; the database no longer does, and the database wins.
  await am.reload();
  await expect(am).toHaveURL(/\/desk$/);
  await expect(am.getByRole("heading", { name: "Help desk" })).toBeVisible();
});
