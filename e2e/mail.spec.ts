import { expect } from "@playwright/test";
import type { SMTPServer } from "smtp-server";
import { createDb, createPool } from "@/db/client";
import { SUPPORT_ADDRESS } from "@/server/helpdesk/mail-addresses";
import { closeServer, createInboundServer, listen } from "@/server/mail/inbound-server";
import { sendTo } from "@/server/mail/testing";
import { isolatedAppTest } from "./support/app";
import { signInAndLand } from "./support/sign-in";

const test = isolatedAppTest();

// The inbound SMTP server, on this file's database, as the launcher would run it next to the web process.
let pool: ReturnType<typeof createPool> | undefined;
let inbound: SMTPServer | undefined;
let smtpPort = 0;

test.beforeAll(async ({ app }) => {
  pool = createPool(app.databaseUrl, 2);
  inbound = createInboundServer({ db: createDb(pool), maxBytes: 1024 * 1024 });
  smtpPort = await listen(inbound, 0, "127.0.0.1");
});

test.afterAll(async () => {
  if (inbound) await closeServer(inbound);
  await pool?.end();
});

test("the desk reads the outbox, and releases a stranger's held mail into a ticket for Acme", async ({ page }) => {
  await sendTo(smtpPort, {
    from: "Nina Newcomer <nina@acme-partner.test>",
    to: SUPPORT_ADDRESS,
    subject: "Acme asked me to report a DNS problem",
    text: "shop.acme.test does not resolve since this morning.",
    messageId: "<e2e-held-1@acme-partner.test>",
  });
  await sendTo(smtpPort, { from: "win@prizes.test", to: SUPPORT_ADDRESS, subject: "You won", text: "Claim now.", messageId: "<e2e-spam-1@prizes.test>" });

  await signInAndLand(page, "agent@hostdesk.test", "/desk");
  await page.getByRole("link", { name: "Mail" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Mail");
  await expect(page.getByText("No SMTP relay is configured")).toBeVisible();

  // The outbox holds what the demo tickets caused: the acknowledgement and the desk's answers to Acme.
  const outbox = page.getByRole("region", { name: "Outbox" });
  await expect(outbox.getByText(/\[#\d+\] Can we get a second staging VM\?/).first()).toBeVisible();
  await expect(outbox.getByRole("cell", { name: "owner@acme.test" }).first()).toBeVisible();
  await outbox.getByRole("link", { name: "Sent" }).click();
  await expect(page).toHaveURL(/outbox=sent$/);
  await expect(page.getByRole("region", { name: "Outbox" })).toContainText("No mail here.");
  await page.getByRole("region", { name: "Outbox" }).getByRole("link", { name: "All" }).click();

  const held = page.getByRole("region", { name: "Held mail" });
  const newcomer = held.getByRole("listitem", { name: "Held mail: Acme asked me to report a DNS problem" });
  await expect(newcomer).toContainText("From nina@acme-partner.test");
  await expect(newcomer).toContainText("Unknown sender");
  await newcomer.getByText("Read the mail").click();
  await expect(newcomer).toContainText("shop.acme.test does not resolve since this morning.");
  await newcomer.getByLabel("Find the customer").fill("Acm");
  await expect(newcomer.getByLabel("Customer", { exact: true })).toHaveValue(/[0-9a-f-]{36}/);
  await expect(newcomer.getByLabel("Customer", { exact: true }).locator("option")).toHaveText(["Acme"]);
  await newcomer.getByRole("button", { name: "Open ticket" }).click();

  const resolved = page.getByRole("region", { name: "Recently resolved" });
  await expect(resolved).toContainText(/Acme asked me to report a DNS problem from nina@acme-partner\.test: released as ticket #\d+/);
  await expect(held.getByRole("listitem", { name: "Held mail: Acme asked me to report a DNS problem" })).toHaveCount(0);

  const spam = held.getByRole("listitem", { name: "Held mail: You won" });
  await spam.getByRole("button", { name: "Drop" }).click();
  await spam.getByRole("button", { name: "Drop for good" }).click();
  await expect(held).toContainText("Nothing is held.");
  await expect(resolved).toContainText("You won from win@prizes.test: dropped");
});

test("customers are sent back to the portal, and the API refuses them the outbox", async ({ page }) => {
  await signInAndLand(page, "owner@acme.test", "/portal");
  await page.goto("/desk/mail");
  await expect(page).toHaveURL(/\/portal$/);
  const outbox = await page.request.get("/api/trpc/mail.outbox?input=" + encodeURIComponent(JSON.stringify({ json: {} })));
  expect(outbox.status()).toBe(403);
});
