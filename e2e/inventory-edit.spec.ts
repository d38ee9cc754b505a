import { expect } from "@playwright/test";
import { isolatedAppTest } from "./support/app";
import { signInAndLand } from "./support/sign-in";

const test = isolatedAppTest();

test("an engineer moves an Acme VM to another hypervisor, renames it and edits a service's ports", async ({ page }) => {
  await signInAndLand(page, "engineer@hostdesk.test", "/desk");
  await page.goto("/desk/inventory?q=acme-cache01");
  await page.getByRole("link", { name: "acme-cache01" }).click();
  const hypervisorFact = page.locator("dt:text-is('Hypervisor') + dd");
  const from = (await hypervisorFact.textContent())!;

  const move = page.getByRole("form", { name: "Move VM" });
  const hypervisors = move.getByLabel("Hypervisor").locator("option");
  await expect(hypervisors.first()).toHaveText(`${from} (where it runs now)`);
  // The placement rules fill in the hosts it fits on, least loaded first.
  await expect(hypervisors.nth(1)).toContainText("least loaded");
  const to = (await hypervisors.nth(1).textContent())!.split(" ")[0]!;
  expect(to).not.toBe(from);
  await move.getByLabel("Hypervisor").selectOption({ index: 1 });
  await move.getByRole("button", { name: "Move VM" }).click();
  await expect(hypervisorFact).toHaveText(to);
  await expect(hypervisors.first()).toHaveText(`${to} (where it runs now)`);

  const edit = page.getByRole("form", { name: "Edit VM" });
  await edit.getByLabel("Name").fill("acme-cache11");
  await edit.getByRole("button", { name: "Save VM" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("acme-cache11");

  await page.getByRole("button", { name: "Edit service varnish" }).click();
  const service = page.getByRole("form", { name: "Edit service varnish" });
  await service.getByLabel("Ports").fill("6081, 6082");
  await service.getByRole("button", { name: "Save service" }).click();
  await expect(page.getByText("ports 6081, 6082")).toBeVisible();

  await page.reload();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("acme-cache11");
  await expect(hypervisorFact).toHaveText(to);
});

test("an engineer puts a hypervisor into maintenance; a taken rack unit is refused with its occupant", async ({ page }) => {
  await signInAndLand(page, "engineer@hostdesk.test", "/desk");
  await page.goto("/desk/inventory/devices?q=kvm03");
  await page.getByRole("link", { name: "kvm03", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("kvm03");
  const form = page.getByRole("form", { name: "Edit device" });
  await form.getByLabel("Status").selectOption("maintenance");
  await form.getByRole("button", { name: "Save device" }).click();
  await expect(form.getByRole("status")).toHaveText("Saved.");

  await form.getByLabel("Lowest unit").fill("41");
  await form.getByRole("button", { name: "Save device" }).click();
  await expect(page.getByRole("main").getByRole("alert")).toContainText("U41 of rack A01 already hold sw1");
  await page.reload();
  await expect(form.getByLabel("Status")).toHaveValue("maintenance");
  await expect(form.getByLabel("Lowest unit")).toHaveValue("12");
  await page.goto("/desk/inventory/devices?q=kvm03");
  await expect(page.getByRole("row", { name: /kvm03/ })).toContainText("maintenance");
});

test("an engineer adds a rack to a site", async ({ page }) => {
  await signInAndLand(page, "engineer@hostdesk.test", "/desk");
  await page.goto("/desk/inventory");
  await page.getByRole("navigation", { name: "Inventory views" }).getByRole("link", { name: "Sites and racks" }).click();
  await expect(page.getByRole("region", { name: "Rack A01" })).toContainText("st01");
  const rack = page.getByRole("form", { name: "New rack" });
  await rack.getByLabel("Site").selectOption({ label: "FRA1" });
  await rack.getByLabel("Rack name").fill("a03");
  await rack.getByLabel("Height (units)").fill("47");
  await rack.getByRole("button", { name: "Add rack" }).click();
  await expect(page.getByRole("region", { name: "Rack A03" })).toContainText("U47–U1");
});

test("a storage pool using more than its capacity is refused and nothing changes; a sensible one is added", async ({ page }) => {
  await signInAndLand(page, "engineer@hostdesk.test", "/desk");
  await page.goto("/desk/inventory/devices?q=st02");
  await page.getByRole("link", { name: "st02", exact: true }).click();
  const pool = page.getByRole("form", { name: "New storage pool" });
  await pool.getByLabel("Pool name").fill("st02-hdd");
  await pool.getByLabel("Capacity (GB)").fill("100");
  await pool.getByLabel("Used by other data (GB)").fill("200");
  await pool.getByRole("button", { name: "Add pool" }).click();
  await expect(page.getByRole("main").getByRole("alert")).toContainText("st02-hdd cannot hold 200 GB");
  await page.reload();
  await expect(page.getByRole("form", { name: "Edit pool st02-hdd" })).toHaveCount(0);

  await pool.getByLabel("Pool name").fill("st02-hdd");
  await pool.getByLabel("Capacity (GB)").fill("8000");
  await pool.getByLabel("Used by other data (GB)").fill("100");
  await pool.getByRole("button", { name: "Add pool" }).click();
  await expect(page.getByRole("form", { name: "Edit pool st02-hdd" })).toBeVisible();
  await expect(page.getByRole("meter", { name: "st02-hdd · 0 VM disks" })).toHaveAttribute("aria-valuetext", "100 GB of 8000 GB");
});
