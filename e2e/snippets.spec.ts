import fs from "node:fs";
import path from "node:path";
import { expect, type Page } from "@playwright/test";
import { isolatedAppTest } from "./support/app";
import { signInAndLand } from "./support/sign-in";

const test = isolatedAppTest({ worker: true });

const SNIPPET = "Browser caching for static files";
const BAD_LINE = "include /etc/nginx/secrets.conf;";
const GOOD_LINE = "gzip_vary on;";

/** Every file below `dir` whose text contains `needle`, as paths relative to `dir`. */
function filesContaining(dir: string, needle: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return (fs.readdirSync(dir, { recursive: true, withFileTypes: true }) as fs.Dirent[])
    .filter((entry) => entry.isFile())
    .map((entry) => path.join(entry.parentPath, entry.name))
    .filter((file) => fs.readFileSync(file, "utf8").includes(needle))
    .map((file) => path.relative(dir, file));
}

/** Opens Acme's nginx snippet from the portal's configuration list. */
async function openSnippet(page: Page) {
  await page.getByRole("navigation", { name: "Portal sections" }).getByRole("link", { name: "Configuration" }).click();
  await page.getByRole("list", { name: "Your snippets" }).getByRole("link", { name: SNIPPET }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(SNIPPET);
}

test("a customer fixes a snippet the checks refuse, support approves it, and it lands on the host", async ({ page: customer, browser, app }) => {
  test.setTimeout(120_000);

  // Acme's developer opens the nginx snippet of acme-web01.
  await signInAndLand(customer, "dev@acme.test", "/portal");
  await openSnippet(customer);
  const editor = customer.getByRole("textbox", { name: /text$/ });
  await expect(editor).toBeVisible();
  const lineCount = await editor.locator(".cm-line").count();

  // A directive policy forbids, typed on a new last line, is flagged at that line, in words.
  await editor.click();
  await customer.keyboard.press("Control+End");
  await customer.keyboard.press("Enter");
  await customer.keyboard.type(BAD_LINE);
  const badLine = lineCount + 1;
  const problems = customer.getByRole("list", { name: "Problems found" });
  await expect(problems).toContainText(`Line ${badLine}: include is not allowed`);
  await expect(customer.locator(".cm-lint-marker-error")).toHaveCount(1);
  await expect(customer.getByRole("button", { name: "Submit for review" })).toBeDisabled();

  // Fixing the line clears the finding.
  await customer.keyboard.press("Shift+Home");
  await customer.keyboard.type(GOOD_LINE);
  await expect(problems).toHaveCount(0);
  await expect(customer.getByRole("status").filter({ hasText: "No problems found." })).toBeVisible();

  // Submitted for review: the status says it waits.
  await customer.getByRole("button", { name: "Submit for review" }).click();
  await expect(customer.getByRole("status").filter({ hasText: /was sent for review/ })).toBeVisible();
  await expect(customer.getByRole("region", { name: "Content" })).toContainText("Waiting for review");
  await expect(customer.getByRole("list", { name: "Versions" })).toContainText(/Version 3\s*Waiting for review/);

  // Support opens the approvals queue, reads the diff and approves.
  const agent = await (await browser.newContext()).newPage();
  await signInAndLand(agent, "agent@hostdesk.test", "/desk");
  await agent.getByRole("navigation", { name: "Desk sections" }).getByRole("link", { name: "Approvals" }).click();
  const queue = agent.getByRole("table", { name: "Changes waiting for review, oldest first" });
  const row = queue.getByRole("row", { name: new RegExp(`${SNIPPET} version 3`) });
  await expect(row).toContainText("Acme");
  await expect(row).toContainText("acme-web01");
  await expect(row).toContainText("Passed");
  await row.getByRole("button", { name: `${SNIPPET} version 3` }).click();
  const review = agent.getByRole("region", { name: `Review of ${SNIPPET} version 3` });
  const diff = review.getByRole("list", { name: /^Changes from version 1/ });
  await expect(diff.locator('[data-diff="added"]').filter({ hasText: GOOD_LINE })).toBeVisible();
  await expect(diff.locator('[data-diff="added"]').filter({ hasText: "expires 30d;" })).toBeVisible();
  await expect(diff.locator('[data-diff="removed"]').filter({ hasText: "expires 7d;" }).first()).toBeVisible();
  const liveProgress = agent.waitForResponse((response) => response.url().includes("rollout.progress") && response.status() === 200);
  await review.getByRole("button", { name: "Approve and roll out" }).click();
  await liveProgress;

  // The rollout runs to the end, live (the progress arrives over the rollout's event feed).
  const decided = agent.getByRole("list", { name: "Decided just now" });
  await expect(decided).toContainText(`${SNIPPET} version 3`);
  const progress = decided.getByRole("progressbar", { name: "Rollout progress" });
  await expect(progress).toHaveAttribute("aria-valuemax", "1");
  await expect(progress).toHaveAttribute("aria-valuenow", "1", { timeout: 30_000 });
  await expect(decided).toContainText("Applied on all servers");
  await expect(queue.getByRole("row", { name: new RegExp(`${SNIPPET} version 3`) })).toHaveCount(0);

  // The rollout's own page shows the host and its log.
  await decided.getByRole("link", { name: /^Rollout to 1 server/ }).click();
  await expect(agent.getByRole("list", { name: "Servers" })).toContainText("acme-web01");
  await expect(agent.getByRole("list", { name: "Servers" })).toContainText("Applied");

  // The customer sees it live on the server.
  await customer.reload();
  await expect(customer.getByRole("region", { name: "Content" })).toContainText("Live on 1 server");
  await expect(customer.getByRole("region", { name: "Rollout" })).toContainText("Applied on all servers");

  // And the file is on the host, with the fixed line and without the refused one.
  const files = filesContaining(path.join(app.platformRoot, "acme-web01"), GOOD_LINE);
  expect(files).toHaveLength(1);
  const written = fs.readFileSync(path.join(app.platformRoot, "acme-web01", files[0]!), "utf8");
  expect(written).toContain("expires 30d;");
  expect(written).not.toContain(BAD_LINE);
});

test("another organisation cannot open Acme's snippet", async ({ page, browser }) => {
  const acme = await (await browser.newContext()).newPage();
  await signInAndLand(acme, "dev@acme.test", "/portal");
  await openSnippet(acme);
  const snippetPath = new URL(acme.url()).pathname;

  await signInAndLand(page, "owner@globex.test", "/portal");
  const response = await page.goto(snippetPath);
  expect(response?.status()).toBe(404);
  await expect(page.getByText(SNIPPET)).toHaveCount(0);
});

test("support grants and revokes; a customer starts a scheduled-jobs snippet and reads its schedule in words", async ({ page: customer, browser }) => {
  // Support grants Acme firewall rules on one VM, sees the grant, and takes it back.
  const agent = await (await browser.newContext()).newPage();
  await signInAndLand(agent, "agent@hostdesk.test", "/desk");
  await agent.goto("/desk/grants?org=acme");
  const form = agent.getByRole("form", { name: "New grant" });
  await form.getByLabel("Kind").selectOption({ label: "Firewall openings" });
  await form.getByLabel("Reaches").selectOption("vm");
  await form.getByLabel("VM").selectOption({ label: "acme-web01 (production)" });
  await form.getByRole("button", { name: "Grant" }).click();
  const grants = agent.getByRole("table", { name: "Grants of Acme" });
  await expect(grants.getByRole("row", { name: /Firewall openings\s+acme-web01/ })).toBeVisible();
  await grants.getByRole("button", { name: "Revoke Firewall openings on acme-web01" }).click();
  await expect(agent.getByRole("status").filter({ hasText: "Revoked Firewall openings on acme-web01." })).toBeVisible();
  await expect(grants.getByRole("row", { name: /Firewall openings\s+acme-web01/ })).toHaveCount(0);

  // The customer starts a cron snippet from the staging grant; the form explains each schedule.
  await signInAndLand(customer, "dev@acme.test", "/portal");
  await customer.goto("/portal/config");
  await expect(customer.getByRole("list", { name: "What you may configure" })).toContainText("Scheduled jobs");
  const create = customer.getByRole("form", { name: "New snippet" });
  await create.getByLabel("What and where").selectOption({ label: "Scheduled jobs on all staging VMs (needs review)" });
  await create.getByLabel("Name", { exact: true }).fill("Nightly cleanup");
  await create.getByRole("button", { name: "Create snippet" }).click();
  await expect(customer.getByRole("heading", { level: 1 })).toHaveText("Nightly cleanup");
  const job = customer.getByRole("group", { name: "Job 1" });
  await expect(job).toContainText("every day at 03:15");
  await job.getByLabel("Schedule of job 1").fill("0 4 * * 1");
  await expect(job).toContainText(/at 04:00 .*Monday/);
  await job.getByLabel("Schedule of job 1").fill("* * * * *");
  await expect(customer.getByRole("list", { name: "Problems found" })).toContainText("Job 1:");
  await expect(customer.getByRole("button", { name: "Submit for review" })).toBeDisabled();
});
