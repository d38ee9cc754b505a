import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { auditEvents, orgs, ticketAttachments, ticketMessages, tickets } from "@/db/schema";
import { attachmentDisposition } from "@/server/http/content-disposition";
import { actorFor, callerFor } from "@/server/testing/actors";
import { databaseFingerprint } from "@/server/testing/snapshot";
import { MAX_ATTACHMENT_BYTES, sanitiseFileName } from "./attachment-rules";
import { attachmentForDownload, storeAttachments, type IncomingFile } from "./attachments";

const orgId = async (slug: string) => (await getDb().select().from(orgs).where(eq(orgs.slug, slug)))[0]!.id;
const text = (name: string, body: string, claimedType = "text/plain"): IncomingFile => ({ name, claimedType, data: new TextEncoder().encode(body) });
const png = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);

async function fileAcmeTicket(subject = "Cron output attached") {
  const customer = await callerFor("owner@acme.test");
  return customer.helpdesk.create({ orgId: await orgId("acme"), subject, body: "See the attached log." });
}

describe("uploading files to a ticket", () => {
  it("stores a customer's file on their message, under a clean name, and audits the upload", async () => {
    const { ticketId } = await fileAcmeTicket();
    const owner = await actorFor("owner@acme.test");
    const [stored] = await storeAttachments(getDb(), owner, ticketId, [text("C:\\Users\\me\\cron\u202Egol.txt", "job failed at 03:00\n")]);
    const [firstMessage] = await getDb().select().from(ticketMessages).where(eq(ticketMessages.ticketId, ticketId));
    expect(stored).toMatchObject({ fileName: "crongol.txt", contentType: "text/plain", sizeBytes: 20, messageId: firstMessage!.id });

    const seen = await (await callerFor("owner@acme.test")).helpdesk.ticket({ ticketId });
    expect(seen.attachments.map((a) => a.id)).toEqual([stored!.id]);
    const download = await attachmentForDownload(getDb(), owner, stored!.id);
    expect(Buffer.from(download.data).toString()).toBe("job failed at 03:00\n");

    const [audit] = await getDb().select().from(auditEvents).where(and(eq(auditEvents.subjectId, ticketId), eq(auditEvents.action, "ticket.attach")));
    expect(audit).toMatchObject({ actorLabel: "owner@acme.test", after: { messageId: firstMessage!.id, files: [{ id: stored!.id, fileName: "crongol.txt", contentType: "text/plain", sizeBytes: 20 }] } });
  });

  it("refuses a file over 10 MiB, and then stores none of the upload", async () => {
    const { ticketId } = await fileAcmeTicket();
    const owner = await actorFor("owner@acme.test");
    const before = await databaseFingerprint();
    const big = { name: "dump.txt", claimedType: "text/plain", data: new Uint8Array(MAX_ATTACHMENT_BYTES + 1).fill(0x61) };
    await expect(storeAttachments(getDb(), owner, ticketId, [text("ok.txt", "fine"), big])).rejects.toThrow(/dump\.txt is 10 MB; files can be at most 10 MB/);
    expect(await databaseFingerprint()).toEqual(before);
    const exactly = { ...big, data: big.data.subarray(0, MAX_ATTACHMENT_BYTES) };
    await expect(storeAttachments(getDb(), owner, ticketId, [exactly])).resolves.toHaveLength(1);
  });

  it("takes at most five files at a time, and at least one", async () => {
    const { ticketId } = await fileAcmeTicket();
    const owner = await actorFor("owner@acme.test");
    const six = Array.from({ length: 6 }, (_, i) => text(`part${i}.txt`, "x"));
    await expect(storeAttachments(getDb(), owner, ticketId, six)).rejects.toThrow(/at most 5 files/);
    await expect(storeAttachments(getDb(), owner, ticketId, [])).rejects.toThrow(/Choose a file/);
  });

  it("decides the type from the bytes: signatures win over the browser's claim, and unknown binaries are refused", async () => {
    const { ticketId } = await fileAcmeTicket();
    const owner = await actorFor("owner@acme.test");
    const stored = await storeAttachments(getDb(), owner, ticketId, [
      { name: "screenshot.jpg", claimedType: "image/jpeg", data: png },
      text("page.png", "<script>alert(1)</script>", "image/png"),
      text("rows.csv", "a,b\n1,2\n", "application/vnd.ms-excel"),
      text("app.log", "GET / 200\n", ""),
      text("export.json", "{}", "text/plain"),
    ]);
    expect(stored.map((s) => [s.fileName, s.contentType])).toEqual([
      ["screenshot.jpg", "image/png"],
      ["page.png", "text/plain"],
      ["rows.csv", "text/csv"],
      ["app.log", "text/x-log"],
      ["export.json", "application/json"],
    ]);
    const elf = { name: "notes.txt", claimedType: "text/plain", data: Uint8Array.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0, 0, 0]) };
    await expect(storeAttachments(getDb(), owner, ticketId, [elf])).rejects.toMatchObject({ code: "BAD_REQUEST", message: expect.stringMatching(/notes\.txt is not a kind of file we accept/) });
    await expect(storeAttachments(getDb(), owner, ticketId, [text("empty.txt", "")])).rejects.toThrow(/empty\.txt is empty/);
  });

  it("attaches only to a message the uploader wrote on that ticket, and not to a closed ticket", async () => {
    const { ticketId } = await fileAcmeTicket();
    const agent = await actorFor("agent@hostdesk.test");
    const { messageId: agentReply } = await (await callerFor("agent@hostdesk.test")).helpdesk.reply({ ticketId, body: "Thanks, looking." });
    const owner = await actorFor("owner@acme.test");
    await expect(storeAttachments(getDb(), owner, ticketId, [text("a.txt", "x")], agentReply)).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(storeAttachments(getDb(), agent, ticketId, [text("a.txt", "x")], agentReply)).resolves.toHaveLength(1);

    await (await callerFor("owner@acme.test")).helpdesk.close({ ticketId });
    await expect(storeAttachments(getDb(), owner, ticketId, [text("late.txt", "x")])).rejects.toMatchObject({ code: "CONFLICT" });
  });
});

describe("who gets a file", () => {
  it("another org can neither upload to a ticket nor download its files: both read as missing", async () => {
    const { ticketId } = await fileAcmeTicket();
    const [stored] = await storeAttachments(getDb(), await actorFor("owner@acme.test"), ticketId, [text("secret.txt", "acme only")]);
    const globex = await actorFor("owner@globex.test");
    const before = await databaseFingerprint();
    await expect(storeAttachments(getDb(), globex, ticketId, [text("planted.txt", "hi")])).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(attachmentForDownload(getDb(), globex, stored!.id)).rejects.toMatchObject({ code: "NOT_FOUND", message: "That file was not found." });
    await expect(attachmentForDownload(getDb(), globex, "not-a-uuid")).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await databaseFingerprint()).toEqual(before);
  });

  it("customers never get files of internal notes or files staff kept on the ticket; staff get both", async () => {
    const { ticketId } = await fileAcmeTicket();
    const agentCaller = await callerFor("agent@hostdesk.test");
    const agent = await actorFor("agent@hostdesk.test");
    const { messageId: note } = await agentCaller.helpdesk.reply({ ticketId, body: "Trace from st01 attached.", visibility: "internal" });
    const [onNote] = await storeAttachments(getDb(), agent, ticketId, [text("st01-trace.txt", "latency 900ms")], note);
    const [loose] = await storeAttachments(getDb(), agent, ticketId, [text("runbook.txt", "internal steps")]);
    expect(loose!.messageId).toBeNull();

    const owner = await actorFor("owner@acme.test");
    await expect(attachmentForDownload(getDb(), owner, onNote!.id)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(attachmentForDownload(getDb(), owner, loose!.id)).rejects.toMatchObject({ code: "NOT_FOUND" });
    const seen = await (await callerFor("owner@acme.test")).helpdesk.ticket({ ticketId });
    expect(seen.attachments).toEqual([]);

    await expect(attachmentForDownload(getDb(), agent, onNote!.id)).resolves.toMatchObject({ fileName: "st01-trace.txt" });
    await expect(attachmentForDownload(getDb(), agent, loose!.id)).resolves.toMatchObject({ fileName: "runbook.txt" });
    // An account manager is staff but does not work tickets.
    await expect(attachmentForDownload(getDb(), await actorFor("am@hostdesk.test"), loose!.id)).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("keeps the ticket's updated time current", async () => {
    const { ticketId } = await fileAcmeTicket();
    const before = (await getDb().select().from(tickets).where(eq(tickets.id, ticketId)))[0]!.updatedAt;
    await storeAttachments(getDb(), await actorFor("owner@acme.test"), ticketId, [text("more.txt", "x")]);
    const after = (await getDb().select().from(tickets).where(eq(tickets.id, ticketId)))[0]!.updatedAt;
    expect(after.getTime()).toBeGreaterThanOrEqual(before.getTime());
    expect(await getDb().select().from(ticketAttachments).where(eq(ticketAttachments.ticketId, ticketId))).toHaveLength(1);
  });
});

describe("file names and download headers", () => {
  it("keeps the last path segment, drops control and bidi characters and dot-names, and caps the length", () => {
    expect(sanitiseFileName("../../etc/passwd")).toBe("passwd");
    expect(sanitiseFileName("evil\u0000name\r\n.txt")).toBe("evilname.txt");
    expect(sanitiseFileName("..")).toBe("attachment");
    expect(sanitiseFileName(".env")).toBe("env");
    expect(sanitiseFileName("   ")).toBe("attachment");
    const long = sanitiseFileName(`${"ä".repeat(300)}.log`);
    expect(Array.from(long)).toHaveLength(200);
    expect(long.endsWith(".log")).toBe(true);
  });

  it("says attachment, with an ASCII fallback and the exact UTF-8 name", () => {
    expect(attachmentDisposition('Rechnung "März".pdf')).toBe(`attachment; filename="Rechnung _M_rz_.pdf"; filename*=UTF-8''Rechnung%20%22M%C3%A4rz%22.pdf`);
    expect(attachmentDisposition("it's (1).txt")).toBe(`attachment; filename="it's (1).txt"; filename*=UTF-8''it%27s%20%281%29.txt`);
  });
});
