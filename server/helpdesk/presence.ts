import { randomUUID } from "node:crypto";
import { EventEmitter, on } from "node:events";
import { sql } from "drizzle-orm";
import { z } from "zod";
import type { DbOrTx } from "@/db/client";
import type { Actor } from "@/server/auth/actor";
import { requireDeskStaff, ticketFor } from "./access";
import { pgListener } from "./pg-listener";

export const PRESENCE_CHANNEL = "hostdesk_presence";
/** A desk that stops sending heartbeats (a closed laptop) disappears after this long. */
const PRESENCE_TTL_MS = 30_000;
const HEARTBEAT_MS = 10_000;

export const presenceInput = z.object({ ticketId: z.uuid(), activity: z.enum(["viewing", "replying"]) });
type Activity = z.infer<typeof presenceInput>["activity"];
type Beat = { ticketId: string; connectionId: string; userId: string; name: string; activity: Activity; state: "here" | "gone" };
export type Present = { userId: string; name: string; activity: Activity };

/**
 * Who has which ticket open, as this process heard it. Every process hears every heartbeat (they
 * travel by NOTIFY), so each keeps the whole board; entries expire unless renewed.
 */
class PresenceBoard extends EventEmitter {
  private readonly tickets = new Map<string, Map<string, Beat & { expiresAt: number }>>();

  constructor() {
    super();
    this.setMaxListeners(0);
    setInterval(() => this.sweep(), 5_000).unref();
  }

  apply(beat: Beat): void {
    const entries = this.tickets.get(beat.ticketId) ?? new Map();
    const before = JSON.stringify(this.present(beat.ticketId));
    if (beat.state === "gone") entries.delete(beat.connectionId);
    else entries.set(beat.connectionId, { ...beat, expiresAt: Date.now() + PRESENCE_TTL_MS });
    this.tickets.set(beat.ticketId, entries);
    if (JSON.stringify(this.present(beat.ticketId)) !== before) this.emit("change", beat.ticketId);
  }

  /** One line per person: someone replying in one tab and viewing in another is replying. */
  present(ticketId: string): Present[] {
    const people = new Map<string, Present>();
    for (const entry of this.tickets.get(ticketId)?.values() ?? []) {
      const known = people.get(entry.userId);
      if (!known || entry.activity === "replying") people.set(entry.userId, { userId: entry.userId, name: entry.name, activity: entry.activity });
    }
    return [...people.values()].sort((a, b) => a.name.localeCompare(b.name));
  }

  private sweep(): void {
    const now = Date.now();
    for (const [ticketId, entries] of this.tickets) {
      let changed = false;
      for (const [id, entry] of entries) if (entry.expiresAt <= now) changed = entries.delete(id) || changed;
      if (entries.size === 0) this.tickets.delete(ticketId);
      if (changed) this.emit("change", ticketId);
    }
  }
}

const holder = globalThis as unknown as { __hostdeskPresence?: PresenceBoard };
function board(): PresenceBoard {
  if (!holder.__hostdeskPresence) {
    const created = new PresenceBoard();
    pgListener().on(PRESENCE_CHANNEL, (beat: Beat | { kind: "resync" }) => {
      if ("ticketId" in beat) created.apply(beat);
    });
    holder.__hostdeskPresence = created;
  }
  return holder.__hostdeskPresence;
}

const send = (db: DbOrTx, beat: Beat) => db.execute(sql`select pg_notify(${PRESENCE_CHANNEL}, ${JSON.stringify(beat)})`);

/**
 * Says "I have this ticket open" (viewing or replying) for as long as the subscriber stays, and
 * streams who else has it open whenever that changes. Desk staff only.
 */
export async function* presenceOnTicket(db: DbOrTx, actor: Actor, input: z.input<typeof presenceInput>, signal: AbortSignal | undefined): AsyncGenerator<Present[]> {
  requireDeskStaff(actor);
  const { ticketId, activity } = presenceInput.parse(input);
  await ticketFor(db, actor, ticketId);
  const presence = board();
  await pgListener().listen(PRESENCE_CHANNEL);
  const beat: Beat = { ticketId, connectionId: randomUUID(), userId: actor.userId, name: actor.name, activity, state: "here" };
  const others = () => presence.present(ticketId).filter((p) => p.userId !== actor.userId);
  const changes = on(presence, "change", { signal }) as AsyncIterableIterator<[string]>;
  await send(db, beat);
  const heartbeat = setInterval(() => void send(db, beat).catch(() => undefined), HEARTBEAT_MS);
  // Leave as soon as the client goes, even if the stream is parked at a yield nobody will resume.
  let left = false;
  const leave = () => {
    if (left) return;
    left = true;
    clearInterval(heartbeat);
    void send(db, { ...beat, state: "gone" }).catch(() => undefined);
  };
  signal?.addEventListener("abort", leave, { once: true });
  try {
    yield others();
    for await (const [changed] of changes) if (changed === ticketId) yield others();
  } catch (error) {
    if (!(error instanceof Error && error.name === "AbortError")) throw error;
  } finally {
    leave();
  }
}
