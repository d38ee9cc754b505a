import { simpleParser, type ParsedMail } from "mailparser";
import nodemailer from "nodemailer";
import type Mail from "nodemailer/lib/mailer";
import { SMTPServer } from "smtp-server";
import { closeServer, listen } from "./inbound-server";

/** Sends one mail over real SMTP to 127.0.0.1:port, one connection per mail, as an MTA relaying to us would. */
export async function sendTo(port: number, message: Mail.Options): Promise<string> {
  const transport = nodemailer.createTransport({ host: "127.0.0.1", port, secure: false, ignoreTLS: true });
  try {
    const info = await transport.sendMail(message);
    return String(info.response);
  } finally {
    transport.close();
  }
}

/** The SMTP reply code a refused send got, or null if it was accepted. */
export async function refusalOf(port: number, message: Mail.Options): Promise<{ code: number; response: string } | null> {
  try {
    await sendTo(port, message);
    return null;
  } catch (error) {
    const { responseCode, response } = error as { responseCode?: number; response?: string };
    return { code: responseCode ?? 0, response: response ?? String(error) };
  }
}

export type Captured = { envelopeFrom: string; to: string[]; raw: string; parsed: ParsedMail };

/**
 * A stand-in relay for SMTP_URL: takes every mail and keeps it. `refuse` answers a recipient with
 * an SMTP error instead, to exercise retries and permanent failures.
 */
export async function startCapture(refuse?: (recipient: string) => { code: number; message: string } | null) {
  const captured: Captured[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["AUTH", "STARTTLS"],
    disableReverseLookup: true,
    logger: false,
    onRcptTo(address, _session, callback) {
      const refusal = refuse?.(address.address);
      if (refusal) return callback(Object.assign(new Error(refusal.message), { responseCode: refusal.code }));
      callback();
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (chunk: Buffer) => chunks.push(chunk));
      stream.on("end", () => {
        const raw = Buffer.concat(chunks);
        void simpleParser(raw).then((parsed) => {
          captured.push({
            envelopeFrom: session.envelope.mailFrom ? session.envelope.mailFrom.address : "",
            to: session.envelope.rcptTo.map((r) => r.address),
            raw: raw.toString("utf8"),
            parsed,
          });
          callback();
        }, callback);
      });
    },
  });
  const port = await listen(server, 0, "127.0.0.1");
  return { port, url: `smtp://127.0.0.1:${port}`, captured, close: () => closeServer(server) };
}
