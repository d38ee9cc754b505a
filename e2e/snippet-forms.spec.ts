import { expect, type Browser, type Page } from "@playwright/test";
import { isolatedAppTest } from "./support/app";
import { signInAndLand } from "./support/sign-in";

const test = isolatedAppTest();

/** Support grants Acme a kind on acme-web01 under review, through the desk's grant form. */
async function grantOnWeb01(browser: Browser, kindTitle: string) {
  const agent = await (await browser.newContext()).newPage();
  await signInAndLand(agent, "agent@hostdesk.test", "/desk");
  await agent.goto("/desk/grants?org=acme");
  const form = agent.getByRole("form", { name: "New grant" });
  await form.getByLabel("Kind").selectOption({ label: kindTitle });
  await form.getByLabel("Reaches").selectOption("vm");
  await form.getByLabel("VM").selectOption({ label: "acme-web01 (production)" });
  await form.getByRole("button", { name: "Grant" }).click();
  await expect(agent.getByRole("table", { name: "Grants of Acme" }).getByRole("row", { name: new RegExp(`${kindTitle}\\s+acme-web01`) })).toBeVisible();
  await agent.context().close();
}

/** The customer starts a snippet of a granted kind from the portal's configuration page. */
async function startSnippet(customer: Page, grantLabel: string, name: string) {
  await customer.goto("/portal/config");
  const create = customer.getByRole("form", { name: "New snippet" });
  await create.getByLabel("What and where").selectOption({ label: grantLabel });
  await create.getByLabel("Name", { exact: true }).fill(name);
  await create.getByRole("button", { name: "Create snippet" }).click();
  await expect(customer.getByRole("heading", { level: 1 })).toHaveText(name);
}

test("firewall rules are edited in a form: a database port open to the world is refused, a narrow one goes to review", async ({ page: customer, browser }) => {
  await grantOnWeb01(browser, "Firewall openings");
  await signInAndLand(customer, "dev@acme.test", "/portal");
  await startSnippet(customer, "Firewall openings on acme-web01 (needs review)", "Database for the office");

  // The starter rule opens HTTPS to everyone; a second rule opens PostgreSQL to the world.
  await expect(customer.getByRole("group", { name: "Rule 1" })).toBeVisible();
  await customer.getByRole("button", { name: "Add a rule" }).click();
  const rule = customer.getByRole("group", { name: "Rule 2" });
  await rule.getByLabel("Ports of rule 2").fill("5432");
  await rule.getByLabel("Allowed from (rule 2)").fill("0.0.0.0/0");
  await rule.getByLabel("Note for rule 2").click();
  const problems = customer.getByRole("list", { name: "Problems found" });
  await expect(problems).toContainText("port 5432 (PostgreSQL) must not be open to");
  await expect(customer.getByRole("button", { name: "Submit for review" })).toBeDisabled();

  // Only the office's network: nothing left to object to, and it goes to review.
  await rule.getByLabel("Allowed from (rule 2)").fill("203.0.113.0/24");
  await rule.getByLabel("Note for rule 2").fill("Office reporting tool");
  await expect(problems).toHaveCount(0);
  await customer.getByRole("button", { name: "Submit for review" }).click();
  await expect(customer.getByRole("status").filter({ hasText: /was sent for review/ })).toBeVisible();
  await expect(customer.getByRole("region", { name: "Content" })).toContainText("Waiting for review");
});

test("a supervised program is edited in a form: a watchdog limit out of range is refused with the range", async ({ page: customer, browser }) => {
  await grantOnWeb01(browser, "Supervised program");
  await signInAndLand(customer, "dev@acme.test", "/portal");
  await startSnippet(customer, "Supervised program on acme-web01 (needs review)", "Queue worker");

  await customer.getByLabel("Program name").fill("queue-worker");
  await customer.getByLabel("Command").fill("/srv/acme/bin/queue-worker --verbose");
  await customer.getByLabel("Memory limit in MB (empty: none)").fill("8");
  const problems = customer.getByRole("list", { name: "Problems found" });
  await expect(problems).toContainText("The memory limit must be between 32 and 65536 MB.");
  await expect(customer.getByRole("button", { name: "Submit for review" })).toBeDisabled();

  await customer.getByLabel("Memory limit in MB (empty: none)").fill("768");
  await customer.getByLabel("Health check URL (empty: none)").fill("http://127.0.0.1:8080/health");
  await expect(problems).toHaveCount(0);
  await customer.getByRole("button", { name: "Submit for review" }).click();
  await expect(customer.getByRole("status").filter({ hasText: /was sent for review/ })).toBeVisible();
});
