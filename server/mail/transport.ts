import nodemailer, { type Transporter } from "nodemailer";
import { outboundSmtpUrl } from "./config";

const transports = new Map<string, Transporter>();

/**
 * The pooled SMTP transport for SMTP_URL, or null when it is unset (mail then stays in the outbox).
 * Pooled: a worker delivering a burst reuses a few connections instead of one per mail.
 */
export function mailTransport(): Transporter | null {
  const url = outboundSmtpUrl();
  if (!url) return null;
  let transport = transports.get(url);
  if (!transport) {
    transport = nodemailer.createTransport({ url, pool: true, maxConnections: 3, connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 30_000 });
    transports.set(url, transport);
  }
  return transport;
}

export function closeMailTransports(): void {
  for (const transport of transports.values()) transport.close();
  transports.clear();
}
