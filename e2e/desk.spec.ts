import { expect, type Page } from "@playwright/test";
import { isolatedAppTest } from "./support/app";
import { signInAndLand } from "./support/sign-in";

const test = isolatedAppTest();

const OUTAGE = "Checkout times out since 09:10";
const STAGING = "Can we get a second staging VM?";
const PORT = "Please open port 8443 on globex-app01";
// Opened by the demo seed when Acme submitted an nginx change for review.
const CHANGE = "Change request: nginx snippet web-cache on acme-web01";

const queueTable = (page: Page) => page.getByRole("table", { name: "Tickets, soonest deadline first" });
const viewTab = (page: Page, name: RegExp) => page.getByRole("navigation", { name: "Queue views" }).getByRole("link", { name });
const noAlerts = (page: Page) => expect(page.getByRole("main").getByRole("alert")).toHaveCount(0);

test("an agent triages: opens a ticket by keyboard, answers with a canned reply, notes, reprioritises, and takes two tickets", async ({ page }) => {
  test.setTimeout(90_000);
  await signInAndLand(page, "agent@hostdesk.test", "/desk");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Help desk");
  const queue = queueTable(page);
  for (const subject of [OUTAGE, STAGING, PORT, CHANGE]) await expect(queue.getByRole("link", { name: subject })).toBeVisible();
  // Agents start on the open queue; the server chose it.
  await expect(viewTab(page, /^Open/)).toHaveAttribute("aria-current", "page");
  await expect(queue.getByRole("row", { name: new RegExp(OUTAGE) })).toContainText("Urgent");

  // "?" lists the shortcuts (retried until the page has hydrated and listens).
  const shortcuts = page.getByRole("dialog", { name: "Keyboard shortcuts" });
  await expect(async () => {
    await page.keyboard.press("?");
    await expect(shortcuts).toBeVisible({ timeout: 500 });
  }).toPass();
  await page.keyboard.press("Escape");
  await expect(shortcuts).toBeHidden();

  // "/" jumps to the search box; keys typed there are text, not shortcuts.
  await page.keyboard.press("/");
  const search = page.getByRole("searchbox", { name: "Search tickets" });
  await expect(search).toBeFocused();
  await page.keyboard.type("8443 jk");
  await expect(search).toHaveValue("8443 jk");
  await search.fill("8443");
  await search.press("Enter");
  await expect(page).toHaveURL(/\/desk\?q=8443$/);
  await expect(queue.locator("tbody tr")).toHaveCount(1);
  await expect(queue.getByRole("link", { name: PORT })).toBeVisible();
  await page.getByRole("link", { name: "Clear filters" }).click();
  await expect(page).toHaveURL(/\/desk$/);
  await expect(queue.locator("tbody tr")).toHaveCount(4);

  // j/k move the selection (announced, with a focus ring on the row), Enter opens it.
  const current = queue.locator('tr[data-current="true"]');
  await expect(async () => {
    await page.keyboard.press("j");
    await expect(current).toHaveCount(1, { timeout: 500 });
  }).toPass();
  const first = (await current.getByRole("link").textContent())!;
  await page.keyboard.press("j");
  await expect(current.getByRole("link")).not.toHaveText(first);
  await page.keyboard.press("k");
  await expect(current.getByRole("link")).toHaveText(first);
  await expect(page.getByRole("status").filter({ hasText: "1 of 4" })).toHaveCount(1);
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/desk\/tickets\/\d+$/);
  await expect(page.getByRole("heading", { level: 1 })).toContainText(first);
  await expect(page.getByRole("region", { name: "Service level" })).toContainText(/First response/);

  // A public reply from a canned reply, its placeholders filled for this ticket.
  const composer = page.getByRole("form", { name: "Reply" });
  await composer.getByLabel("Canned reply").selectOption({ label: "Acknowledge and investigate" });
  await composer.getByRole("button", { name: "Insert" }).click();
  const message = composer.getByLabel("Message");
  await expect(message).toHaveValue(/thank you for ticket #\d+ \(“.+”\)\. We are looking into it now/i);
  await expect(message).toHaveValue(/Alex Agent, Hostdesk support$/);
  await expect(message).not.toHaveValue(/\{\{/);
  await composer.getByRole("button", { name: "Send public reply" }).click();
  await expect(composer.getByRole("status")).toHaveText("Public reply sent.");
  const thread = page.getByRole("list", { name: "Conversation" });
  await expect(thread.getByRole("article", { name: "Public reply from Alex Agent" }).filter({ hasText: "We are looking into it now and will get back to you" })).toBeVisible();

  // An internal note, previewed as the server renders it, shown apart from the public thread.
  await composer.getByText("Internal note", { exact: true }).click();
  await message.fill("Checked the **load balancer** logs: nothing unusual.");
  await composer.getByRole("button", { name: "Preview" }).click();
  await expect(composer.getByRole("region", { name: "Preview" }).locator("strong")).toHaveText("load balancer");
  await composer.getByRole("button", { name: "Back to writing" }).click();
  await composer.getByRole("button", { name: "Add internal note" }).click();
  await expect(composer.getByRole("status")).toHaveText("Internal note added.");
  const note = thread.getByRole("article", { name: "Internal note from Alex Agent" }).filter({ hasText: "logs: nothing unusual" });
  await expect(note).toBeVisible();
  await expect(note.getByText("Internal note", { exact: true })).toBeVisible();

  // A new priority, and the history says so in words.
  const properties = page.getByRole("form", { name: "Ticket properties" });
  await properties.getByLabel("Priority").selectOption("high");
  await properties.getByRole("button", { name: "Save changes" }).click();
  await expect(page.getByRole("list", { name: "History" })).toContainText(/Alex Agent changed the priority from \w+ to High/);
  await expect(properties.getByLabel("Priority")).toHaveValue("high");
  await noAlerts(page);

  // Back in the queue: take the two unassigned tickets at once.
  await page.getByRole("navigation", { name: "Help desk sections" }).getByRole("link", { name: "Queue" }).click();
  await expect(page).toHaveURL(/\/desk$/);
  for (const subject of [OUTAGE, PORT]) {
    const row = queue.getByRole("row", { name: new RegExp(subject.replace(/[?.]/g, "\\$&")) });
    await expect(row).toContainText("Unassigned");
    await row.getByRole("checkbox").check();
  }
  const bulk = page.getByRole("form", { name: "Change selected tickets" });
  await expect(bulk).toContainText("2 tickets selected");
  await bulk.getByRole("button", { name: "Assign to me" }).click();
  for (const subject of [OUTAGE, PORT]) await expect(queue.getByRole("row", { name: new RegExp(subject.replace(/[?.]/g, "\\$&")) })).toContainText("Alex Agent");
  await expect(bulk).toContainText("Select tickets to change them together");
  await noAlerts(page);

  await viewTab(page, /^Mine/).click();
  await expect(viewTab(page, /^Mine/)).toHaveAttribute("aria-current", "page");
  for (const subject of [OUTAGE, PORT, STAGING]) await expect(queue.getByRole("link", { name: subject })).toBeVisible();
});

test("an engineer starts on the escalated tickets, and r opens one ready to reply", async ({ page }) => {
  await signInAndLand(page, "engineer@hostdesk.test", "/desk");
  await expect(viewTab(page, /^Escalated/)).toHaveAttribute("aria-current", "page");
  const queue = queueTable(page);
  await expect(queue.getByRole("link", { name: OUTAGE })).toBeVisible();
  await expect(queue.getByRole("link", { name: PORT })).toHaveCount(0);
  await expect(queue.getByRole("link", { name: STAGING })).toHaveCount(0);

  const current = queue.locator('tr[data-current="true"]');
  await expect(async () => {
    await page.keyboard.press("j");
    await expect(current).toHaveCount(1, { timeout: 500 });
  }).toPass();
  await page.keyboard.press("r");
  await expect(page).toHaveURL(/\/desk\/tickets\/\d+\?reply=1$/);
  await expect(page.getByRole("form", { name: "Reply" }).getByLabel("Message")).toBeFocused();
});

test("canned replies are kept on their own page", async ({ page }) => {
  await signInAndLand(page, "agent@hostdesk.test", "/desk");
  await page.getByRole("link", { name: "Canned replies" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Canned replies");
  const form = page.getByRole("form", { name: "New canned reply" });
  await form.getByLabel("Title").fill("Maintenance window");
  await form.getByLabel("Text").fill("Hello {{requester.name}}, we will patch {{customer.name}}'s servers on Sunday.");
  await form.getByRole("button", { name: "Add canned reply" }).click();
  const added = page.getByRole("article", { name: "Maintenance window" });
  await expect(added).toContainText("we will patch {{customer.name}}'s servers");
  await added.getByRole("button", { name: "Delete" }).click();
  await added.getByRole("button", { name: "Delete for good" }).click();
  await expect(page.getByRole("article", { name: "Maintenance window" })).toHaveCount(0);
  await noAlerts(page);
});
