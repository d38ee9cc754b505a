-- Key rotation re-seals secret values in stored revisions with the newest key, so a retired key can
-- leave HOSTDESK_SECRET_KEYS. That rewrites only the envelope of each secret (server/delegation/
-- reseal.ts opens every value and proves it unchanged before writing), and only inside a transaction
-- that says so: every other content change stays refused.
CREATE OR REPLACE FUNCTION snippet_revisions_immutable() RETURNS trigger AS $$
BEGIN
  IF TG_OP IN ('DELETE', 'TRUNCATE') THEN
    RAISE EXCEPTION 'snippet_revisions are kept forever (% refused)', TG_OP;
  END IF;
  IF NEW.id IS DISTINCT FROM OLD.id
    OR NEW.snippet_id IS DISTINCT FROM OLD.snippet_id
    OR NEW.number IS DISTINCT FROM OLD.number
    OR (NEW.content IS DISTINCT FROM OLD.content AND coalesce(current_setting('hostdesk.resealing_secrets', true), '') <> 'on')
    OR NEW.author_id IS DISTINCT FROM OLD.author_id
    OR NEW.created_at IS DISTINCT FROM OLD.created_at
    OR NEW.based_on_revision_id IS DISTINCT FROM OLD.based_on_revision_id
    OR NEW.validation IS DISTINCT FROM OLD.validation THEN
    RAISE EXCEPTION 'snippet revision % is immutable: only its status may change; save a new revision instead', OLD.id;
  END IF;
  RETURN NEW;
END;
$$ LANGUAGE plpgsql;
