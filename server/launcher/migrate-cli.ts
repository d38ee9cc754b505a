import { databaseUrl } from "@/db/client";
import { migrateDatabase } from "./migrate";

await migrateDatabase(databaseUrl());
