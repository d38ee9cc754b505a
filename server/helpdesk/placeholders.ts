import type { ResponseTarget } from "@/server/contracts/terms";

/**
 * Canned replies are plain text with a few `{{name}}` placeholders. They are filled by literal
 * substitution, never by a template engine: a template can name only these values, nothing in it
 * runs, and a token we do not know stays exactly as typed so the agent sees it before sending.
 * Pure and free of server imports: the composer fills templates in the browser.
 */
export const placeholderNames = ["customer.name", "requester.name", "ticket.number", "ticket.subject", "agent.name", "sla.first_response"] as const;
export type PlaceholderName = (typeof placeholderNames)[number];
export type PlaceholderValues = Partial<Record<PlaceholderName, string>>;

const isPlaceholder = (name: string): name is PlaceholderName => (placeholderNames as readonly string[]).includes(name);

// Lower-case dotted names only, optional spaces inside the braces ({{ ticket.number }}).
const TOKEN = /\{\{\s*([a-z_]+(?:\.[a-z_]+)*)\s*\}\}/g;

/**
 * The template with each known placeholder that has a value replaced by that value. One pass, and
 * the replacement is a function, so a value containing `{{…}}` or `$&` is inserted as it is.
 */
export function fillPlaceholders(template: string, values: PlaceholderValues): string {
  return template.replace(TOKEN, (token, name: string) => {
    if (!isPlaceholder(name)) return token;
    const value = values[name];
    return value === undefined ? token : value;
  });
}

const plural = (n: number, unit: string) => `${n.toLocaleString("en")} ${unit}${n === 1 ? "" : "s"}`;

/**
 * A response target as a customer reads it after "within": "4 support hours", "1 hour, day and
 * night". Support-hour targets are never put in days: "2 days" of support hours would read as two
 * calendar days.
 */
export function targetWords(minutes: number, clock: ResponseTarget["clock"]): string {
  if (clock === "calendar") {
    const span = minutes % 1440 === 0 && minutes >= 2880 ? plural(minutes / 1440, "day") : minutes % 60 === 0 ? plural(minutes / 60, "hour") : plural(minutes, "minute");
    return `${span}, day and night`;
  }
  return minutes % 60 === 0 ? plural(minutes / 60, "support hour") : plural(minutes, "support minute");
}

type TicketForPlaceholders = {
  number: number;
  subject: string;
  orgName: string;
  requesterName: string | null;
  requesterEmail: string;
  sla: { target: Pick<ResponseTarget, "firstResponseMinutes" | "clock"> };
};

/** The values a ticket and the agent answering it give the placeholders. */
export function placeholderValuesFor(ticket: TicketForPlaceholders, agentName: string): Required<PlaceholderValues> {
  return {
    "customer.name": ticket.orgName,
    "requester.name": ticket.requesterName ?? ticket.requesterEmail,
    "ticket.number": String(ticket.number),
    "ticket.subject": ticket.subject,
    "agent.name": agentName,
    "sla.first_response": targetWords(ticket.sla.target.firstResponseMinutes, ticket.sla.target.clock),
  };
}
