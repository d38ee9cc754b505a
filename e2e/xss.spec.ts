import { expect, type Page } from "@playwright/test";
import { eq } from "drizzle-orm";
import { createDb, createPool } from "@/db/client";
import { orgs, users } from "@/db/schema";
import { loadActor } from "@/server/auth/actor";
import { storeAttachments } from "@/server/helpdesk/attachments";
import { createTicket, replyToTicket } from "@/server/helpdesk/tickets";
import { isolatedAppTest } from "./support/app";
import { signInAndLand } from "./support/sign-in";
import { xssPayloads } from "./support/xss-payloads";

const test = isolatedAppTest();

/** Counts every way a payload could run: its own `__xss(n)` call, or a dialog from alert(n). */
async function watchForScripts(page: Page) {
  const fired: string[] = [];
  await page.exposeFunction("__xssReport", (n: string) => fired.push(`__xss(${n})`));
  await page.addInitScript(() => {
    (window as unknown as { __xss: (n: unknown) => void }).__xss = (n) => (window as unknown as { __xssReport: (n: string) => void }).__xssReport(String(n));
  });
  page.on("dialog", (dialog) => {
    fired.push(`dialog: ${dialog.message()}`);
    void dialog.dismiss();
  });
  return fired;
}

test("a corpus of stored-XSS payloads in subjects, bodies and file names never runs, for customers or staff", async ({ app, page, browser }) => {
  test.setTimeout(180_000);
  expect(xssPayloads.length).toBeGreaterThanOrEqual(100);

  // The payloads go in through the app's own domain functions, as a customer and an agent would write them.
  const pool = createPool(app.databaseUrl, 2);
  const db = createDb(pool);
  const actorOf = async (email: string) => {
    const [user] = await db.select().from(users).where(eq(users.email, email));
    return (await loadActor(db, { userId: user!.id, sessionVersion: user!.sessionVersion }))!;
  };
  const [customer, agent] = [await actorOf("owner@acme.test"), await actorOf("agent@hostdesk.test")];
  const [acme] = await db.select().from(orgs).where(eq(orgs.slug, "acme"));
  let threadId = "";
  for (const [i, payload] of xssPayloads.entries()) {
    const { ticketId } = await createTicket(db, customer, { orgId: acme!.id, subject: `X${i} ${payload}`.slice(0, 200), body: payload });
    if (i === 0) threadId = ticketId;
  }
  for (const payload of xssPayloads) {
    await replyToTicket(db, agent, { ticketId: threadId, body: payload });
    await replyToTicket(db, customer, { ticketId: threadId, body: payload });
  }
  // Uploads take at most five files at a time, as the portal's form does.
  const names = xssPayloads.slice(0, 40);
  for (let start = 0; start < names.length; start += 5) {
    const files = names.slice(start, start + 5).map((payload) => ({ name: `${payload}.txt`, claimedType: "text/plain", data: new TextEncoder().encode("plain text") }));
    await storeAttachments(db, customer, threadId, files);
  }
  await pool.end();

  const fired = await watchForScripts(page);
  await signInAndLand(page, "owner@acme.test", "/portal");
  await page.goto("/portal/tickets");
  await expect(page.getByText(/X1 /).first()).toBeVisible();
  // The whole thread: a long one opens with its latest messages only.
  await page.goto(`/portal/tickets/${threadId}?thread=all`);
  await expect(page.getByText("__xss(2)").first()).toBeVisible();
  // Everything shows as the text that was typed.
  await expect(page.locator("main script")).toHaveCount(0);
  await expect(page.locator("main img, main iframe, main svg[onload], main object, main embed")).toHaveCount(0);

  const staffPage = await (await browser.newContext()).newPage();
  const staffFired = await watchForScripts(staffPage);
  await signInAndLand(staffPage, "agent@hostdesk.test", "/desk");
  for (const path of ["/desk", "/desk?view=all", "/desk?view=all&page=2", "/desk?view=all&page=3"]) {
    await staffPage.goto(path);
    await expect(staffPage.getByRole("main")).toBeVisible();
  }
  await staffPage.goto(`/desk/tickets/${threadId}?thread=all`);
  await expect(staffPage.getByText("__xss(2)").first()).toBeVisible();
  await expect(staffPage.locator("main script")).toHaveCount(0);

  // Give anything deferred (timers, lazy images) a moment to fire before counting.
  await page.waitForTimeout(500);
  expect([...fired, ...staffFired]).toEqual([]);
});
