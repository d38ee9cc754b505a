import { z } from "zod";
import type { Actor } from "@/server/auth/actor";
import { requireDeskStaff } from "./access";
import { renderMarkdown } from "./markdown";

export const previewInput = z.object({ body: z.string().max(50_000, "Keep a message under 50,000 characters.") });

/** A draft as it will look once sent: the very renderer that stores message bodies (markdown.ts). */
export function previewMessage(actor: Actor, input: z.input<typeof previewInput>): { html: string } {
  requireDeskStaff(actor);
  const { body } = previewInput.parse(input);
  return { html: renderMarkdown(body) };
}
