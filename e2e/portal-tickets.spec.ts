import { expect } from "@playwright/test";
import { isolatedAppTest } from "./support/app";
import { signInAndLand } from "./support/sign-in";

const test = isolatedAppTest();

const cronLog = "03:00:01 backup.sh: rsync exited with code 23\n";

test("Acme's owner files a ticket with a file, follows the desk's answers, replies and closes; Globex gets none of it", async ({ page, browser }) => {
  test.setTimeout(90_000);
  await signInAndLand(page, "owner@acme.test", "/portal");
  await expect(page.getByRole("link", { name: /^Open tickets: \d+$/ })).toBeVisible();
  await page.getByRole("navigation", { name: "Portal sections" }).getByRole("link", { name: "Support" }).click();
  const open = page.getByRole("list", { name: "Open tickets" });
  await expect(open.getByRole("link", { name: "Checkout times out since 09:10" })).toBeVisible();
  await expect(open.getByRole("listitem").filter({ hasText: "Can we get a second staging VM?" })).toContainText("Waiting for your answer");

  // A new ticket about acme-web01, with a log file.
  await page.getByRole("link", { name: "New ticket" }).click();
  const form = page.getByRole("form", { name: "New ticket" });
  await form.getByLabel("Subject").fill("Nightly backup job fails on acme-web01");
  await form.getByLabel("What happened?").fill("Since Monday the **nightly backup** fails. Log attached.");
  await expect(form.getByText("You can use Markdown")).toBeVisible();
  await form.getByRole("radio", { name: /^High/ }).check();
  await form.getByRole("checkbox", { name: /^acme-web01/ }).check();
  await form.getByLabel("Attach files").setInputFiles({ name: "cron.log", mimeType: "text/plain", buffer: Buffer.from(cronLog) });
  await expect(form.getByRole("list", { name: "Files to attach" })).toContainText("cron.log");
  await form.getByRole("button", { name: "Send ticket" }).click();

  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Nightly backup job fails on acme-web01");
  const ticketUrl = new URL(page.url()).pathname;
  expect(ticketUrl).toMatch(/^\/portal\/tickets\/[0-9a-f-]{36}$/);
  await expect(page.getByTestId("ticket-sla")).toContainText(/We aim to answer by .+ \(your contract: a first answer to high tickets within \d+ support hours?\)/);
  await expect(page.getByText("About:").getByRole("link", { name: "acme-web01" })).toBeVisible();
  const thread = page.getByRole("list", { name: "Conversation" });
  await expect(thread.locator("strong", { hasText: "nightly backup" })).toBeVisible();
  const file = thread.getByRole("link", { name: /cron\.log/ });
  await expect(file).toHaveAccessibleName("cron.log (log, 46 bytes)");

  // The download: an attachment, never rendered in our origin.
  const [download] = await Promise.all([page.waitForEvent("download"), file.click()]);
  expect(download.suggestedFilename()).toBe("cron.log");
  const fileUrl = (await file.getAttribute("href"))!;
  const response = await page.request.get(fileUrl);
  expect(response.status()).toBe(200);
  expect(response.headers()["x-content-type-options"]).toContain("nosniff");
  expect(response.headers()["content-disposition"]).toBe(`attachment; filename="cron.log"; filename*=UTF-8''cron.log`);
  expect(response.headers()["content-security-policy"]).toBe("sandbox");
  expect(response.headers()["cache-control"]).toBe("private, no-store");
  expect(response.headers()["content-type"]).toBe("text/x-log");
  expect(await response.text()).toBe(cronLog);

  // Uploads from another site are refused before anything is read.
  const forged = await page.request.post(`/api/tickets/${ticketUrl.split("/").pop()}/attachments`, {
    headers: { origin: "https://evil.example" },
    multipart: { file: { name: "x.txt", mimeType: "text/plain", buffer: Buffer.from("x") } },
  });
  expect(forged.status()).toBe(403);

  // The list shows it among the open tickets.
  await page.getByRole("link", { name: "All tickets" }).click();
  await expect(open.getByRole("listitem").filter({ hasText: "Nightly backup job fails on acme-web01" })).toContainText("Received, we'll answer soon");

  // The seeded outage: the desk's public answer shows, its internal notes do not.
  await open.getByRole("link", { name: "Checkout times out since 09:10" }).click();
  await expect(thread.getByText("We are looking at acme-db01 now and will update you within 30 minutes.")).toBeVisible();
  await expect(page.getByText("Hostdesk support").first()).toBeVisible();
  await expect(page.getByText("Disk latency on the storage pool looks high")).toHaveCount(0);
  await expect(page.getByText(/Escalated to engineering/)).toHaveCount(0);

  // A file we do not accept is refused in words; the reply itself still goes out.
  const reply = page.getByRole("form", { name: "Reply" });
  await reply.getByLabel("Your reply").fill("Checkout works again since 10:30. Thank you!");
  await reply.getByLabel("Attach files").setInputFiles({ name: "tool.txt", mimeType: "text/plain", buffer: Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0, 0, 0]) });
  await reply.getByRole("button", { name: "Send reply" }).click();
  await expect(page.getByRole("main").getByRole("alert")).toContainText("Your reply was sent, but the files were not attached: tool.txt is not a kind of file we accept.");
  await expect(thread.getByRole("article", { name: "Message from You" }).last()).toContainText("Checkout works again since 10:30.");

  // Back on the new ticket: close it (after confirming), then rate the help.
  await page.goto(ticketUrl);
  await page.getByRole("button", { name: "Close ticket" }).click();
  await page.getByRole("button", { name: "Yes, close it" }).click();
  await expect(page.getByText("This ticket is closed.")).toBeVisible();
  await expect(page.getByRole("form", { name: "Reply" })).toHaveCount(0);
  const rating = page.getByRole("form", { name: "Rate our help" });
  await rating.getByRole("radio", { name: "5 – Excellent" }).check();
  await rating.getByRole("button", { name: "Send rating" }).click();
  await expect(page.getByRole("status").filter({ hasText: "You rated our help 5 out of 5" })).toBeVisible();

  // Globex: the ticket is a missing page, its file a 404, and Acme's tickets are not in its list.
  const globex = await (await browser.newContext()).newPage();
  await signInAndLand(globex, "owner@globex.test", "/portal");
  await globex.goto("/portal/tickets");
  await expect(globex.getByRole("link", { name: "Please open port 8443 on globex-app01" })).toBeVisible();
  await expect(globex.getByText("Nightly backup job fails on acme-web01")).toHaveCount(0);
  await globex.goto(ticketUrl);
  await expect(globex.getByRole("heading", { name: "Page not found" })).toBeVisible();
  const stolen = await globex.request.get(fileUrl);
  expect(stolen.status()).toBe(404);
  expect(await stolen.text()).not.toContain("rsync");
});
