import { expect } from "@playwright/test";
import { isolatedAppTest } from "./support/app";
import { signInAndLand } from "./support/sign-in";

const test = isolatedAppTest();

test("an admin onboards a customer org and its first user, who then sets their own password", async ({ browser }) => {
  const admin = await browser.newPage();
  await signInAndLand(admin, "admin@hostdesk.test", "/desk");

  await admin.goto("/admin/orgs");
  const createOrg = admin.getByRole("form", { name: "Create organisation" });
  await createOrg.getByLabel("Customer name").fill("Initrode");
  await createOrg.getByRole("button", { name: "Create organisation" }).click();
  await expect(admin.getByRole("cell", { name: "Initrode", exact: true })).toBeVisible();
  await expect(admin.getByRole("cell", { name: "initrode", exact: true })).toBeVisible();

  await admin.goto("/admin/users");
  const form = admin.getByRole("form", { name: "Create user" });
  await form.getByLabel("Email").fill("peter@initrode.test");
  await form.getByLabel("Name").fill("Peter Gibbons");
  await form.getByLabel("Organisation").selectOption({ label: "Initrode" });
  await form.getByLabel("Role").selectOption("owner");
  await form.getByRole("button", { name: "Create user" }).click();
  const temporary = (await admin.getByTestId("temporary-password").textContent())?.trim() ?? "";
  expect(temporary.length).toBeGreaterThan(16);
  await expect(admin.getByTestId("user-row-peter@initrode.test")).toContainText("Initrode");

  const peter = await (await browser.newContext()).newPage();
  await signInAndLand(peter, "peter@initrode.test", "/portal", temporary);
  await expect(peter.getByRole("heading", { level: 1 })).toHaveText("Initrode");
  await peter.getByRole("link", { name: "Choose your own password" }).click();
  await peter.getByLabel("Current password").fill(temporary);
  await peter.getByLabel("New password").fill("a-much-better-passphrase");
  await peter.getByRole("button", { name: "Change password" }).click();
  await expect(peter).toHaveURL(/\/login/);
  await signInAndLand(peter, "peter@initrode.test", "/portal", "a-much-better-passphrase");
  await expect(peter.getByText("You are using a temporary password")).toHaveCount(0);

  await admin.goto("/admin/audit");
  for (const action of ["org.created", "user.created", "user.password_changed"]) {
    await expect(admin.getByRole("cell", { name: action }).first()).toBeVisible();
  }
});

test("bad input gets a clear message and loses nothing typed", async ({ page }) => {
  await signInAndLand(page, "admin@hostdesk.test", "/desk");
  await page.goto("/admin/users");
  const form = page.getByRole("form", { name: "Create user" });
  await form.getByLabel("Email").fill("owner@acme.test");
  await form.getByLabel("Name").fill("Someone Else");
  await form.getByRole("button", { name: "Create user" }).click();
  await expect(form.getByRole("alert")).toHaveText("A user with that email already exists.");
  await expect(form.getByLabel("Name")).toHaveValue("Someone Else");
});

test("text people typed is shown as text, never run as markup", async ({ page }) => {
  await signInAndLand(page, "admin@hostdesk.test", "/desk");
  await page.goto("/admin/orgs");
  let dialogs = 0;
  page.on("dialog", (dialog) => {
    dialogs++;
    void dialog.dismiss();
  });
  const createOrg = page.getByRole("form", { name: "Create organisation" });
  await createOrg.getByLabel("Customer name").fill(`<img src=x onerror="alert(1)">`);
  await createOrg.getByRole("button", { name: "Create organisation" }).click();
  await expect(page.getByRole("cell", { name: `<img src=x onerror="alert(1)">` })).toBeVisible();
  await page.goto("/desk/customers");
  await expect(page.getByRole("cell", { name: `<img src=x onerror="alert(1)">` })).toBeVisible();
  expect(dialogs).toBe(0);
});
