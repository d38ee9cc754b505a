import { expect } from "@playwright/test";
import { isolatedAppTest } from "./support/app";
import { signInAndLand } from "./support/sign-in";

const test = isolatedAppTest();

test("staff create a VM for Acme: Acme's owner sees it, Globex's owner cannot", async ({ browser }) => {
  const engineer = await browser.newPage();
  await signInAndLand(engineer, "engineer@hostdesk.test", "/desk");
  await engineer.getByRole("link", { name: "Inventory" }).click();
  await engineer.getByRole("link", { name: "New VM" }).click();
  const form = engineer.getByRole("form", { name: "New VM" });
  await form.getByLabel("Customer").selectOption({ label: "Acme" });
  await form.getByLabel("Name").fill("acme-search01");
  await form.getByLabel("Role").fill("search");
  await form.getByLabel("Memory (GiB)").fill("8");
  // The hypervisor list fills from the placement rules; the least loaded is preselected.
  await expect(form.getByLabel("Hypervisor").locator("option").first()).toContainText("least loaded");
  await form.getByRole("button", { name: "Create VM" }).click();
  await expect(engineer.getByRole("heading", { level: 1 })).toHaveText("acme-search01");
  const vmUrl = new URL(engineer.url());

  const acme = await (await browser.newContext()).newPage();
  await signInAndLand(acme, "owner@acme.test", "/portal");
  await acme.getByRole("link", { name: "Your servers" }).click();
  await acme.getByRole("link", { name: "acme-search01" }).click();
  await expect(acme.getByRole("heading", { level: 1 })).toHaveText("acme-search01");
  await expect(acme.getByText(/acme-search01 runs on hypervisor kvm\d+, stored on st0\d, reached through rtr1 and rtr2/)).toBeVisible();

  const globex = await (await browser.newContext()).newPage();
  await signInAndLand(globex, "owner@globex.test", "/portal");
  await globex.goto("/portal/vms");
  await expect(globex.getByRole("link", { name: "acme-search01" })).toHaveCount(0);
  await globex.goto(vmUrl.pathname.replace("/desk/inventory", "/portal"));
  await expect(globex.getByRole("heading", { name: "Page not found" })).toBeVisible();
});

test("a customer reads their services' chains in plain words and sees staging's gaps", async ({ page }) => {
  await signInAndLand(page, "owner@acme.test", "/portal");
  await page.goto("/portal/vms");
  await expect(page.getByTestId("environment-drift")).toContainText("Production has lb servers (haproxy, monitoring); staging does not");
  await page.getByRole("link", { name: "acme-web01" }).click();
  await expect(page.getByText(/nginx runs on acme-web01, which runs on hypervisor kvm\d+/)).toBeVisible();
  await expect(page.getByRole("img", { name: "What acme-web01 depends on" })).toBeVisible();
});

test("staff see capacity at a glance and what fails with a switch", async ({ page }) => {
  await signInAndLand(page, "agent@hostdesk.test", "/desk");
  await page.goto("/desk/inventory/capacity");
  await expect(page.getByRole("meter", { name: "st01-ssd on st01" })).toBeVisible();
  await expect(page.getByText(/above the 40 % rule/)).toBeVisible();
  await page.goto("/desk/inventory/devices");
  await page.getByRole("row", { name: /sw1/ }).getByRole("link", { name: "What fails with it?" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("What fails with sw1");
  await expect(page.getByText(/VMs and \d+ services of 2 customers go down/)).toBeVisible();
  await page.goto("/desk/inventory/devices");
  await page.getByRole("row", { name: /rtr1/ }).getByRole("link", { name: "What fails with it?" }).click();
  await expect(page.getByText("nothing else goes down")).toBeVisible();
});

test("staff add a hypervisor, wire it to a switch, and a dependency cycle is refused", async ({ page }) => {
  await signInAndLand(page, "engineer@hostdesk.test", "/desk");
  await page.goto("/desk/inventory/devices");
  const device = page.getByRole("form", { name: "New device" });
  await device.getByLabel("Name").fill("kvm07");
  await device.getByLabel("Kind").selectOption("hypervisor");
  await device.getByLabel("Cores").fill("32");
  await device.getByLabel("Memory (GiB)").fill("256");
  await device.getByRole("button", { name: "Add device" }).click();
  await expect(page.getByRole("cell", { name: "kvm07", exact: true })).toBeVisible();

  const wiring = page.getByRole("form", { name: "New dependency" });
  await wiring.getByLabel("This device").selectOption({ label: "kvm07 (hypervisor)" });
  await wiring.getByLabel("depends on").selectOption({ label: "sw1 (switch)" });
  await wiring.getByRole("button", { name: "Add dependency" }).click();
  await expect(page.getByText("kvm07 → sw1")).toBeVisible();

  await wiring.getByLabel("This device").selectOption({ label: "sw1 (switch)" });
  await wiring.getByLabel("depends on").selectOption({ label: "kvm07 (hypervisor)" });
  await wiring.getByRole("button", { name: "Add dependency" }).click();
  await expect(page.getByRole("main").getByRole("alert")).toContainText("would close a cycle");
});

test("a resize the hypervisor cannot carry is refused with the reason, and nothing changes", async ({ page }) => {
  await signInAndLand(page, "engineer@hostdesk.test", "/desk");
  await page.goto("/desk/inventory?q=acme-db01");
  await page.getByRole("link", { name: "acme-db01" }).click();
  const resize = page.getByRole("form", { name: "Resize VM" });
  await resize.getByLabel("Memory (GiB)").fill("4096");
  await resize.getByRole("button", { name: "Resize" }).click();
  await expect(page.getByRole("main").getByRole("alert")).toContainText("GiB of memory");
  await page.reload();
  await expect(page.getByText("32 GiB", { exact: true })).toBeVisible();
});

test("an engineer exports the inventory and imports it back with one more VM", async ({ page }) => {
  await signInAndLand(page, "engineer@hostdesk.test", "/desk");
  const exported = await page.request.get("/desk/inventory/export");
  expect(exported.status()).toBe(200);
  expect(exported.headers()["content-disposition"]).toMatch(/attachment; filename="hostdesk-inventory-/);
  const document = (await exported.json()) as { vms: Record<string, unknown>[] };
  const template = document.vms.find((vm) => vm.name === "acme-web01")!;
  document.vms.push({ ...template, name: "acme-web09", redundancyGroup: null });

  await page.goto("/desk/inventory/devices");
  await page.getByLabel("Import a JSON document").setInputFiles({ name: "inventory.json", mimeType: "application/json", buffer: Buffer.from(JSON.stringify(document)) });
  await expect(page.getByRole("status").filter({ hasText: "Imported" })).toContainText(/1 created, 0 updated, \d+ unchanged/);
  await page.goto("/desk/inventory?q=acme-web09");
  await expect(page.getByRole("link", { name: "acme-web09" })).toBeVisible();

  const customer = await page.context().browser()!.newPage();
  await signInAndLand(customer, "owner@acme.test", "/portal");
  expect((await customer.request.get("/desk/inventory/export")).status()).not.toBe(200);
});

test("retiring hardware that still carries VMs is refused with their names; a spare retires", async ({ page }) => {
  await signInAndLand(page, "engineer@hostdesk.test", "/desk");
  await page.goto("/desk/inventory/devices?q=kvm01");
  const row = page.getByRole("row", { name: /kvm01/ });
  await row.getByRole("button", { name: "Retire kvm01" }).click();
  await row.getByRole("button", { name: "Retire kvm01" }).click();
  await expect(row.getByRole("alert")).toContainText("Move or retire the VMs on kvm01 first");
  await page.goto("/desk/inventory/devices?q=kvm06");
  const spare = page.getByRole("row", { name: /kvm06/ });
  await spare.getByRole("button", { name: "Retire kvm06" }).click();
  await spare.getByRole("button", { name: "Retire kvm06" }).click();
  // Retired hardware leaves the working list.
  await expect(page.getByRole("row", { name: /kvm06/ })).toHaveCount(0);
});
