import { closeDb, getDb } from "@/db/client";
import { log } from "@/server/log";
import { seedIfEmpty } from "./demo";

const seeded = await seedIfEmpty(getDb());
log.info(seeded ? "db.seeded" : "db.seed_skipped", { reason: seeded ? undefined : "database already has data" });
await closeDb();
