import { z } from "zod";

/** 25 MiB: what most providers accept, and enough for a screenshot or a log file. */
export const DEFAULT_MAX_MESSAGE_BYTES = 25 * 1024 * 1024;

const inboundEnv = z.object({
  INBOUND_SMTP_HOST: z.string().min(1).default("127.0.0.1"),
  INBOUND_SMTP_PORT: z.coerce.number().int().min(0).max(65_535).default(2525),
  INBOUND_MAX_BYTES: z.coerce.number().int().min(1024).default(DEFAULT_MAX_MESSAGE_BYTES),
});

export type InboundConfig = { host: string; port: number; maxBytes: number };

/** Where the inbound SMTP process listens. Loopback by default: the MTA in front relays to it. */
export function inboundConfig(env: NodeJS.ProcessEnv = process.env): InboundConfig {
  const parsed = inboundEnv.parse(env);
  return { host: parsed.INBOUND_SMTP_HOST, port: parsed.INBOUND_SMTP_PORT, maxBytes: parsed.INBOUND_MAX_BYTES };
}

const smtpUrl = z
  .url({ protocol: /^smtps?$/, error: "SMTP_URL must look like smtp://host:port or smtps://user:password@host:465" })
  .optional()
  .or(z.literal("").transform(() => undefined));

/**
 * The outbound relay, read on every delivery rather than once: a worker started before the operator
 * set it picks it up without a restart of anything but its environment. Unset: mail stays in the outbox.
 */
export function outboundSmtpUrl(env: NodeJS.ProcessEnv = process.env): string | undefined {
  return smtpUrl.parse(env.SMTP_URL);
}
