import type { AddressInfo } from "node:net";
import { simpleParser } from "mailparser";
import { SMTPServer, type SMTPServerDataStream, type SMTPServerError, type SMTPServerSession } from "smtp-server";
import type { Db } from "@/db/client";
import { SUPPORT_ADDRESS } from "@/server/helpdesk/mail-addresses";
import { log } from "@/server/log";
import { MalformedMail, toInboundMail } from "./inbound-mail";
import { receiveMail, type Received } from "./receive";
import { isSupportRecipient } from "./recipients";

const smtpError = (responseCode: number, message: string): SMTPServerError => Object.assign(new Error(message), { responseCode });

const mebibytes = (bytes: number) => `${Math.round(bytes / 1024 / 1024)} MiB`;

/** Reads the whole DATA stream; past the size limit it keeps draining (the protocol needs that) but stops buffering. */
function readMessage(stream: SMTPServerDataStream, maxBytes: number): Promise<Buffer | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    stream.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size <= maxBytes) chunks.push(chunk);
    });
    stream.once("error", reject);
    stream.once("end", () => resolve(stream.sizeExceeded || size > maxBytes ? null : Buffer.concat(chunks)));
  });
}

const acceptedText: Record<Received["outcome"], string> = {
  ticket: "2.0.0 Accepted: a new ticket was opened",
  reply: "2.0.0 Accepted: added to the ticket",
  duplicate: "2.0.0 Accepted: this mail was already received",
  quarantined: "2.0.0 Accepted: held for review by our support staff",
  ignored: "2.0.0 Accepted: automatic mail, not answered",
};

export type InboundServerOptions = { db: Db; maxBytes: number; maxClients?: number };

/**
 * The SMTP side of the help desk. Plain SMTP on loopback behind the MTA: no AUTH, no STARTTLS (the
 * MTA terminates TLS and relays to us). A recipient other than the support address is refused at
 * RCPT. Each mail is committed to the database before 250 is answered; a mail we cannot parse gets
 * a permanent 5xx, a database problem a temporary 451 so the MTA tries again. Neither ends the process.
 * Each session may buffer up to maxBytes (and the parser copies it): 20 sessions, Postfix's default
 * concurrency per destination, bound the memory a burst of large mails can take.
 */
export function createInboundServer({ db, maxBytes, maxClients = 20 }: InboundServerOptions): SMTPServer {
  const server = new SMTPServer({
    name: SUPPORT_ADDRESS.split("@")[1],
    banner: "Hostdesk support mail",
    size: maxBytes,
    rejectOversized: true,
    authOptional: true,
    disabledCommands: ["AUTH", "STARTTLS"],
    disableReverseLookup: true,
    logger: false,
    maxClients,
    socketTimeout: 60_000,
    closeTimeout: 8_000,
    onRcptTo(address, _session, callback) {
      if (isSupportRecipient(address.address)) return callback();
      callback(smtpError(550, `5.1.1 <${address.address}>: no such mailbox here. Write to ${SUPPORT_ADDRESS}.`));
    },
    onData(stream, session, callback) {
      handleMessage(db, stream, session, maxBytes).then(
        (text) => callback(null, text),
        (error: SMTPServerError) => callback(error),
      );
    },
  });
  server.on("error", (error) => log.error("mail.inbound_server_error", { error }));
  return server;
}

async function handleMessage(db: Db, stream: SMTPServerDataStream, session: SMTPServerSession, maxBytes: number): Promise<string> {
  const envelope = { from: session.envelope.mailFrom ? session.envelope.mailFrom.address : "", to: session.envelope.rcptTo.map((r) => r.address) };
  const raw = await readMessage(stream, maxBytes).catch((error: unknown) => {
    log.warn("mail.inbound_stream_failed", { session: session.id, error });
    throw smtpError(451, "4.3.0 The message could not be read; please try again.");
  });
  if (!raw) {
    log.warn("mail.inbound_too_large", { session: session.id, from: envelope.from, limitBytes: maxBytes });
    throw smtpError(552, `5.3.4 Message too big: the limit is ${mebibytes(maxBytes)}.`);
  }
  let mail;
  try {
    mail = toInboundMail(await simpleParser(raw, { skipTextToHtml: true }), envelope);
  } catch (error) {
    log.warn("mail.inbound_malformed", { session: session.id, from: envelope.from, bytes: raw.length, error });
    throw smtpError(554, error instanceof MalformedMail ? error.message : "5.6.0 The message could not be parsed as MIME.");
  }
  try {
    const received = await receiveMail(db, mail);
    log.info("mail.received", { session: session.id, from: mail.from.address, messageId: mail.messageId, ...received });
    return acceptedText[received.outcome];
  } catch (error) {
    log.error("mail.inbound_failed", { session: session.id, from: mail.from.address, messageId: mail.messageId, error });
    throw smtpError(451, "4.3.0 Temporary failure on our side; please try again later.");
  }
}

/** Starts listening; resolves with the port (useful with port 0 in tests and the bench). */
export function listen(server: SMTPServer, port: number, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    server.server.once("error", reject);
    server.listen(port, host, () => {
      server.server.off("error", reject);
      resolve((server.server.address() as AddressInfo).port);
    });
  });
}

export function closeServer(server: SMTPServer): Promise<void> {
  return new Promise((resolve) => server.close(() => resolve()));
}
