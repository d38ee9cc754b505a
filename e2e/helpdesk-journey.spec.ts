import { expect, type Page } from "@playwright/test";
import { isolatedAppTest } from "./support/app";
import { signInAndLand } from "./support/sign-in";

// Two web processes: the customer's and the agent's browsers may land on either, so the live queue
// has to cross processes (Postgres NOTIFY), as it does behind a load balancer.
const test = isolatedAppTest({ webProcesses: 2 });

const SUBJECT = "acme-web01 answers with 502 since the deploy";
const PUBLIC_REPLY = "We are looking at acme-web01 now and will update you within the hour.";
const INTERNAL_NOTE = "Suspect the storage pool again; do not tell the customer before we know.";
const ESCALATION = "Disk latency on st01 is over 200 ms; needs an engineer.";

/** Resolves once the page's live ticket feed is connected, so an event sent after it cannot be missed. */
function liveFeedConnected(page: Page) {
  return page.waitForResponse((response) => response.url().includes("helpdesk.events") && response.status() === 200);
}

/** Marks the document; if the page is ever reloaded, the mark is gone. */
async function markDocument(page: Page) {
  await page.evaluate(() => ((window as unknown as { __sameDocument: boolean }).__sameDocument = true));
  return async () => expect(await page.evaluate(() => (window as unknown as { __sameDocument?: boolean }).__sameDocument)).toBe(true);
}

test("a customer's ticket reaches the desk live, is answered and escalated; the engineer sees it, the customer sees only the public reply", async ({ page: customer, browser }) => {
  test.setTimeout(120_000);
  const [agentContext, engineerContext] = [await browser.newContext(), await browser.newContext()];
  const [agent, engineer] = [await agentContext.newPage(), await engineerContext.newPage()];

  // The agent has the queue open before the customer writes.
  const agentFeed = liveFeedConnected(agent);
  await signInAndLand(agent, "agent@hostdesk.test", "/desk");
  await agentFeed;
  const stillSameQueue = await markDocument(agent);
  const queue = agent.getByRole("table", { name: "Tickets, soonest deadline first" });
  await expect(queue.getByRole("link", { name: SUBJECT })).toHaveCount(0);

  // Acme's owner files a ticket about one of their VMs.
  await signInAndLand(customer, "owner@acme.test", "/portal");
  await customer.goto("/portal/tickets/new");
  const form = customer.getByRole("form", { name: "New ticket" });
  await form.getByLabel("Subject").fill(SUBJECT);
  await form.getByLabel("What happened?").fill("Since our deploy at 10:00 every page is a **502**.");
  await form.getByRole("radio", { name: /^Urgent/ }).check();
  await form.getByRole("checkbox", { name: /^acme-web01/ }).check();
  const customerFeed = liveFeedConnected(customer);
  await form.getByRole("button", { name: "Send ticket" }).click();
  await expect(customer.getByRole("heading", { level: 1 })).toHaveText(SUBJECT);
  await customerFeed;

  // It appears in the agent's queue without a reload.
  const row = queue.getByRole("row", { name: new RegExp(SUBJECT) });
  await expect(row).toBeVisible();
  await expect(row).toContainText("Urgent");
  await expect(row).toContainText("Acme");
  await stillSameQueue();

  // The agent answers in public, notes internally, and escalates.
  await row.getByRole("link", { name: SUBJECT }).click();
  await expect(agent.getByRole("heading", { level: 1 })).toContainText(SUBJECT);
  await expect(agent.getByRole("complementary", { name: "Ticket details" })).toContainText("acme-web01");
  const composer = agent.getByRole("form", { name: "Reply" });
  await composer.getByLabel("Message").fill(PUBLIC_REPLY);
  await composer.getByRole("button", { name: "Send public reply" }).click();
  await expect(composer.getByRole("status").filter({ hasText: "Public reply sent." })).toBeVisible();
  await composer.getByText("Internal note", { exact: true }).click();
  await composer.getByLabel("Message").fill(INTERNAL_NOTE);
  await composer.getByRole("button", { name: "Add internal note" }).click();
  await expect(composer.getByRole("status").filter({ hasText: "Internal note added." })).toBeVisible();
  const escalate = agent.getByRole("form", { name: "Escalate to engineering" });
  await escalate.getByLabel("Why escalate?").fill(ESCALATION);
  await escalate.getByRole("button", { name: "Escalate to engineering" }).click();
  await expect(agent.getByRole("heading", { level: 1 }).locator("..")).toContainText("Engineering");

  // The engineer starts on the escalated view and finds it there; the agent sees them arrive.
  await signInAndLand(engineer, "engineer@hostdesk.test", "/desk");
  const escalatedTab = engineer.getByRole("navigation", { name: "Queue views" }).getByRole("link", { name: /^Escalated/ });
  await expect(escalatedTab).toHaveAttribute("aria-current", "page");
  const engineerQueue = engineer.getByRole("table", { name: "Tickets, soonest deadline first" });
  await engineerQueue.getByRole("link", { name: SUBJECT }).click();
  await expect(engineer.getByRole("list", { name: "Conversation" })).toContainText(ESCALATION);
  await expect(engineer.getByRole("list", { name: "Conversation" })).toContainText(INTERNAL_NOTE);
  await expect(agent.getByText("Erin Engineer is viewing")).toBeVisible();

  // The customer, still on their ticket, gets the public reply live — and nothing internal.
  const thread = customer.getByRole("list", { name: "Conversation" });
  await expect(thread.getByRole("article", { name: "Message from Alex Agent" })).toContainText(PUBLIC_REPLY);
  await expect(customer.getByRole("main")).not.toContainText(INTERNAL_NOTE);
  await expect(customer.getByRole("main")).not.toContainText(ESCALATION);
  await expect(customer.getByRole("main")).not.toContainText("Suspect");
  // A fresh read of the page says the same: the note is not merely hidden in the browser.
  const html = await (await customer.request.get(customer.url())).text();
  expect(html).toContain(PUBLIC_REPLY);
  expect(html).not.toContain("storage pool again");
  expect(html).not.toContain("needs an engineer");
  await Promise.all([agentContext.close(), engineerContext.close()]);
});
