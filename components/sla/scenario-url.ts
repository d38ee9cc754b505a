import { scenarioInput, type ScenarioInput } from "@/server/sla/schemas";
import { percentMessage } from "./number-text";

/** The query parameter a shared calculator link carries its scenario in. */
export const SCENARIO_PARAM = "s";

/** Far above any real scenario (the demo is about 1.6 kB); a longer value is not read at all. */
const MAX_PARAM_LENGTH = 20_000;

/** The scenario as base64url of its JSON (UTF-8, so tier names like "Geschäft" survive). */
export function encodeScenario(input: ScenarioInput): string {
  const bytes = new TextEncoder().encode(JSON.stringify(input));
  let binary = "";
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

function base64UrlToText(value: string): string {
  if (!/^[A-Za-z0-9_-]*$/.test(value)) throw new Error("not base64url");
  const base64 = value.replace(/-/g, "+").replace(/_/g, "/");
  const binary = atob(base64 + "=".repeat((4 - (base64.length % 4)) % 4));
  return new TextDecoder("utf-8", { fatal: true }).decode(Uint8Array.from(binary, (char) => char.charCodeAt(0)));
}

export type DecodedScenario = { scenario: ScenarioInput; notice: string | null };

const fallback = (reason: string): DecodedScenario => ({
  scenario: scenarioInput.parse({}),
  notice: `The shared link's scenario could not be read (${reason}), so the calculator starts from the defaults.`,
});

/**
 * Reads a shared link's `s` parameter. No parameter means the defaults; a broken one means the
 * defaults too, with a notice that says so, so nobody mistakes them for what was shared.
 */
export function decodeScenario(param: string | string[] | null | undefined): DecodedScenario {
  const value = Array.isArray(param) ? param[0] : param;
  if (value === undefined || value === null || value === "") return { scenario: scenarioInput.parse({}), notice: null };
  if (value.length > MAX_PARAM_LENGTH) return fallback("it is too long");
  let json: unknown;
  try {
    json = JSON.parse(base64UrlToText(value));
  } catch {
    return fallback("the link is cut off or damaged");
  }
  const parsed = scenarioInput.safeParse(json);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    const where = first && first.path.length > 0 ? `${first.path.join(".")}: ` : "";
    return fallback(`${where}${percentMessage(first?.message ?? "it does not describe a scenario")}`);
  }
  return { scenario: parsed.data, notice: null };
}
