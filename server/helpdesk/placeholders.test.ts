import { describe, expect, it } from "vitest";
import { fillPlaceholders, placeholderValuesFor, targetWords } from "./placeholders";

const values = placeholderValuesFor(
  {
    number: 42,
    subject: "Checkout times out",
    orgName: "Acme",
    requesterName: "Olivia Owner",
    requesterEmail: "owner@acme.test",
    sla: { target: { firstResponseMinutes: 60, clock: "calendar" } },
  },
  "Alex Agent",
);

describe("filling canned-reply placeholders", () => {
  it("replaces every known placeholder, wherever and however often it appears", () => {
    const filled = fillPlaceholders(
      "Hello {{requester.name}} of {{customer.name}}: #{{ticket.number}} “{{ticket.subject}}”, answered within {{sla.first_response}}. {{ agent.name }}/{{agent.name}}",
      values,
    );
    expect(filled).toBe("Hello Olivia Owner of Acme: #42 “Checkout times out”, answered within 1 hour, day and night. Alex Agent/Alex Agent");
  });

  it("leaves unknown, misspelt and value-less tokens exactly as typed", () => {
    const template = "{{customer.id}} {{Customer.Name}} {{constructor}} {{__proto__}} {{toString}} {{ customer.name {{}} {customer.name}";
    expect(fillPlaceholders(template, values)).toBe(template);
    expect(fillPlaceholders("Hi {{requester.name}}", {})).toBe("Hi {{requester.name}}");
  });

  it("inserts values literally: no replacement patterns, no second pass, nothing runs", () => {
    const tricky = { "customer.name": "$& $1 $$ $` {{agent.name}}", "agent.name": "Alex", "ticket.subject": "${process.exit(1)} <script>alert(1)</script>" };
    expect(fillPlaceholders("{{customer.name}} | {{ticket.subject}}", tricky)).toBe("$& $1 $$ $` {{agent.name}} | ${process.exit(1)} <script>alert(1)</script>");
  });

  it("uses the requester's address when they have no name", () => {
    const filled = placeholderValuesFor({ number: 1, subject: "s", orgName: "Globex", requesterName: null, requesterEmail: "noc@globex.test", sla: { target: { firstResponseMinutes: 240, clock: "business" } } }, "Erin");
    expect(filled["requester.name"]).toBe("noc@globex.test");
    expect(filled["sla.first_response"]).toBe("4 support hours");
  });
});

describe("response targets in words", () => {
  it("counts support hours as hours and around-the-clock targets in the largest whole unit", () => {
    expect(targetWords(60, "business")).toBe("1 support hour");
    expect(targetWords(480, "business")).toBe("8 support hours");
    expect(targetWords(2880, "business")).toBe("48 support hours");
    expect(targetWords(90, "business")).toBe("90 support minutes");
    expect(targetWords(30, "calendar")).toBe("30 minutes, day and night");
    expect(targetWords(120, "calendar")).toBe("2 hours, day and night");
    expect(targetWords(2880, "calendar")).toBe("2 days, day and night");
  });
});
