-- Search moves from one vector per message to one per ticket (see db/schema/helpdesk.ts tickets.search).
ALTER TABLE "tickets" ADD COLUMN "message_words" "tsvector" DEFAULT ''::tsvector NOT NULL;--> statement-breakpoint
ALTER TABLE "tickets" ADD COLUMN "public_message_words" "tsvector" DEFAULT ''::tsvector NOT NULL;--> statement-breakpoint
ALTER TABLE "tickets" DROP COLUMN "search";--> statement-breakpoint
ALTER TABLE "tickets" ADD COLUMN "search" "tsvector" GENERATED ALWAYS AS (strip(to_tsvector('simple', coalesce(subject, ''))) || message_words) STORED;--> statement-breakpoint
ALTER TABLE "tickets" ADD COLUMN "public_search" "tsvector" GENERATED ALWAYS AS (strip(to_tsvector('simple', coalesce(subject, ''))) || public_message_words) STORED;--> statement-breakpoint
DROP INDEX "ticket_messages_search_idx";--> statement-breakpoint
ALTER TABLE "ticket_messages" DROP COLUMN "search";--> statement-breakpoint
-- Each ticket keeps the words of its messages (all, and public only) so search is one GIN lookup on
-- tickets. Statement triggers with transition tables: a bulk insert (mail import, a bench load) is
-- one grouped update, not a ticket update per message.
CREATE OR REPLACE FUNCTION ticket_messages_add_words() RETURNS trigger AS $$
BEGIN
  UPDATE tickets t
     SET message_words = t.message_words || w.all_words,
         public_message_words = t.public_message_words || w.public_words
    FROM (SELECT ticket_id,
                 strip(to_tsvector('simple', string_agg(body, ' '))) AS all_words,
                 coalesce(strip(to_tsvector('simple', string_agg(body, ' ') FILTER (WHERE visibility = 'public'))), ''::tsvector) AS public_words
            FROM added GROUP BY ticket_id) w
   WHERE t.id = w.ticket_id;
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER ticket_messages_words_insert AFTER INSERT ON ticket_messages
  REFERENCING NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION ticket_messages_add_words();
--> statement-breakpoint
-- A message moved (a merge), edited or deleted: rebuild the words of every ticket it touched.
CREATE OR REPLACE FUNCTION ticket_words_rebuild(ids uuid[]) RETURNS void AS $$
  UPDATE tickets t
     SET message_words = coalesce((SELECT strip(to_tsvector('simple', string_agg(m.body, ' '))) FROM ticket_messages m WHERE m.ticket_id = t.id), ''::tsvector),
         public_message_words = coalesce((SELECT strip(to_tsvector('simple', string_agg(m.body, ' '))) FROM ticket_messages m WHERE m.ticket_id = t.id AND m.visibility = 'public'), ''::tsvector)
   WHERE t.id = ANY(ids);
$$ LANGUAGE sql;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION ticket_messages_rebuild_words() RETURNS trigger AS $$
BEGIN
  IF TG_OP = 'UPDATE' THEN
    PERFORM ticket_words_rebuild(array(SELECT ticket_id FROM removed UNION SELECT ticket_id FROM kept));
  ELSE
    PERFORM ticket_words_rebuild(array(SELECT ticket_id FROM removed));
  END IF;
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER ticket_messages_words_update AFTER UPDATE ON ticket_messages
  REFERENCING OLD TABLE AS removed NEW TABLE AS kept FOR EACH STATEMENT EXECUTE FUNCTION ticket_messages_rebuild_words();
--> statement-breakpoint
CREATE TRIGGER ticket_messages_words_delete AFTER DELETE ON ticket_messages
  REFERENCING OLD TABLE AS removed FOR EACH STATEMENT EXECUTE FUNCTION ticket_messages_rebuild_words();
--> statement-breakpoint
-- Tickets written before this migration get their words once.
UPDATE tickets t
   SET message_words = w.all_words, public_message_words = w.public_words
  FROM (SELECT ticket_id,
               strip(to_tsvector('simple', string_agg(body, ' '))) AS all_words,
               coalesce(strip(to_tsvector('simple', string_agg(body, ' ') FILTER (WHERE visibility = 'public'))), ''::tsvector) AS public_words
          FROM ticket_messages GROUP BY ticket_id) w
 WHERE t.id = w.ticket_id;
--> statement-breakpoint
-- Built after the backfill: one bulk build instead of a million index updates.
CREATE INDEX "tickets_search_idx" ON "tickets" USING gin ("search");--> statement-breakpoint
CREATE INDEX "tickets_public_search_idx" ON "tickets" USING gin ("public_search");
