"use client";

import { useEffect, useRef } from "react";

export type QueueKeyHandlers = Partial<Record<"next" | "previous" | "toggle" | "open" | "assign" | "reply" | "search" | "help", () => void>>;

const keyActions: Record<string, keyof QueueKeyHandlers> = { j: "next", k: "previous", x: "toggle", o: "open", Enter: "open", a: "assign", r: "reply", "/": "search", "?": "help" };
const clickable = new Set(["A", "BUTTON", "SUMMARY"]);

/** Whether a key press is someone typing: in a text field, a select or anything editable. */
function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable || target.tagName === "TEXTAREA" || target.tagName === "SELECT") return true;
  return target instanceof HTMLInputElement && !["checkbox", "radio", "button", "submit", "reset"].includes(target.type);
}

/**
 * The queue's single-key shortcuts (listed in ShortcutsDialog). Keys typed into a field, with a
 * modifier, or inside an open dialog are left alone; Enter on a link or button keeps its own meaning.
 */
export function useQueueKeys(handlers: QueueKeyHandlers) {
  // The latest handlers, so the listener is bound once and never sees stale rows.
  const latest = useRef(handlers);
  useEffect(() => {
    latest.current = handlers;
  });
  useEffect(() => {
    function onKeyDown(event: KeyboardEvent) {
      if (event.defaultPrevented || event.altKey || event.ctrlKey || event.metaKey || isTyping(event.target)) return;
      const target = event.target instanceof HTMLElement ? event.target : null;
      if (target?.closest("dialog[open]")) return;
      if (event.key === "Enter" && target && clickable.has(target.tagName)) return;
      const action = keyActions[event.key];
      const handler = action ? latest.current[action] : undefined;
      if (!handler) return;
      event.preventDefault();
      handler();
    }
    document.addEventListener("keydown", onKeyDown);
    return () => document.removeEventListener("keydown", onKeyDown);
  }, []);
}
