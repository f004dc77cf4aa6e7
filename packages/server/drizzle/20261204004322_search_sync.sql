-- The header search indexes Chinese by character bigrams: a word of n characters gives its n-1 pairs, kept as a
-- 'simple' tsvector under a GIN index. Bigrams need no word breaker or extension and behave the same on PGlite
-- and PostgreSQL; pg_trgm needs the extension loaded and cannot use its index for two-character words (普惠),
-- which Chinese queries often are (bench/search.bench.ts). Words are split at spaces and punctuation, ASCII or
-- Chinese; a one-character word is kept whole so that it is still indexed.
CREATE FUNCTION search_words(t text) RETURNS text[] LANGUAGE sql IMMUTABLE AS $$
  SELECT coalesce(array_agg(w), '{}')
  FROM regexp_split_to_table(lower(coalesce(t, '')), '[\s[:punct:]，。、；：？！“”‘’（）《》〈〉【】「」『』…—·～]+') AS w
  WHERE w <> ''
$$;
--> statement-breakpoint
CREATE FUNCTION search_vector(t text) RETURNS tsvector LANGUAGE sql IMMUTABLE AS $$
  SELECT array_to_tsvector(coalesce(array_agg(DISTINCT CASE WHEN char_length(w) = 1 THEN w ELSE substr(w, i, 2) END), '{}'))
  FROM unnest(search_words(t)) AS w, generate_series(1, greatest(char_length(w) - 1, 1)) AS i
$$;
--> statement-breakpoint
-- Every bigram of the query's words of two characters or more, ANDed; NULL when there is none (a query of
-- one-character words is then checked against the text alone). Quotes are doubled for tsquery's syntax.
CREATE FUNCTION search_query(q text) RETURNS tsquery LANGUAGE sql IMMUTABLE AS $$
  SELECT string_agg('''' || replace(replace(g, '\', '\\'), '''', '''''') || '''', ' & ')::tsquery
  FROM (
    SELECT DISTINCT substr(w, i, 2) AS g
    FROM unnest(search_words(q)) AS w, generate_series(1, char_length(w) - 1) AS i
    WHERE char_length(w) >= 2
  ) AS grams
$$;
--> statement-breakpoint
CREATE FUNCTION search_put(
  p_tenant uuid, p_kind text, p_id uuid, p_plan uuid, p_node uuid, p_unit uuid, p_title text, p_body text
) RETURNS void LANGUAGE sql AS $$
  INSERT INTO search_entries (tenant_id, kind, entity_id, plan_id, node_id, unit_id, title, body, grams)
  VALUES (p_tenant, p_kind, p_id, p_plan, p_node, p_unit, coalesce(p_title, ''), coalesce(p_body, ''), search_vector(p_body))
  ON CONFLICT (kind, entity_id) DO UPDATE SET
    plan_id = excluded.plan_id, node_id = excluded.node_id, unit_id = excluded.unit_id,
    title = excluded.title, body = excluded.body, grams = excluded.grams
$$;
--> statement-breakpoint
-- One trigger function per source table, each naming its text; a deleted row takes its entry with it. They run
-- in the statement that writes the row, so the entry commits or rolls back with it.
CREATE FUNCTION search_sync() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  a record;
BEGIN
  IF TG_OP = 'DELETE' THEN
    DELETE FROM search_entries WHERE kind = TG_ARGV[0] AND entity_id = OLD.id;
    RETURN NULL;
  END IF;
  CASE TG_TABLE_NAME
  WHEN 'plan_nodes' THEN
    PERFORM search_put(NEW.tenant_id, 'task', NEW.id, NEW.plan_id, NEW.id, NULL,
      concat_ws(' ', NEW.label, NEW.title), concat_ws(' ', NEW.title, NEW.text));
  WHEN 'measures' THEN
    PERFORM search_put(NEW.tenant_id, 'measure', NEW.id, NEW.plan_id, NEW.node_id, NULL, left(NEW.text, 60), NEW.text);
  WHEN 'milestones' THEN
    PERFORM search_put(NEW.tenant_id, 'milestone', NEW.id, NEW.plan_id, NEW.node_id, NULL,
      NEW.title, concat_ws(' ', NEW.title, NEW.source_text));
  WHEN 'reports' THEN
    -- Titled by its unit and task, searched by what the unit wrote.
    SELECT s.plan_id, s.node_id, concat_ws('：', u.name, n.title) AS title INTO a
      FROM assignments s JOIN plan_nodes n ON n.id = s.node_id JOIN units u ON u.id = NEW.unit_id
      WHERE s.id = NEW.assignment_id;
    PERFORM search_put(NEW.tenant_id, 'report', NEW.id, a.plan_id, a.node_id, NEW.unit_id, a.title,
      concat_ws(' ', nullif(NEW.done_text, ''), nullif(NEW.problems_text, ''), nullif(NEW.next_text, '')));
  WHEN 'supervision_notices' THEN
    PERFORM search_put(NEW.tenant_id, 'notice', NEW.id, NEW.plan_id, NEW.node_id, NEW.unit_id,
      left(NEW.reason, 60), concat_ws(' ', NEW.reason, NEW.close_note));
  WHEN 'rectifications' THEN
    PERFORM search_put(NEW.tenant_id, 'rectification', NEW.id, NULL, NULL, NEW.unit_id, left(NEW.problem, 60),
      concat_ws(' ', NEW.problem, NEW.requirement, NEW.measures));
  WHEN 'leader_instructions' THEN
    PERFORM search_put(NEW.tenant_id, 'instruction', NEW.id, NULL, NULL, NEW.unit_id, left(NEW.text, 60), NEW.text);
  WHEN 'units' THEN
    PERFORM search_put(NEW.tenant_id, 'unit', NEW.id, NULL, NULL, NEW.id, NEW.name,
      concat_ws(' ', NEW.name, NEW.township, NEW.code));
  END CASE;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER plan_nodes_search AFTER INSERT OR UPDATE OF label, title, text OR DELETE ON plan_nodes
  FOR EACH ROW EXECUTE FUNCTION search_sync('task');
--> statement-breakpoint
CREATE TRIGGER measures_search AFTER INSERT OR UPDATE OF text OR DELETE ON measures
  FOR EACH ROW EXECUTE FUNCTION search_sync('measure');
--> statement-breakpoint
CREATE TRIGGER milestones_search AFTER INSERT OR UPDATE OF title, source_text OR DELETE ON milestones
  FOR EACH ROW EXECUTE FUNCTION search_sync('milestone');
--> statement-breakpoint
CREATE TRIGGER reports_search AFTER INSERT OR UPDATE OF done_text, problems_text, next_text OR DELETE ON reports
  FOR EACH ROW EXECUTE FUNCTION search_sync('report');
--> statement-breakpoint
CREATE TRIGGER supervision_notices_search AFTER INSERT OR UPDATE OF reason, close_note OR DELETE ON supervision_notices
  FOR EACH ROW EXECUTE FUNCTION search_sync('notice');
--> statement-breakpoint
CREATE TRIGGER rectifications_search AFTER INSERT OR UPDATE OF problem, requirement, measures OR DELETE ON rectifications
  FOR EACH ROW EXECUTE FUNCTION search_sync('rectification');
--> statement-breakpoint
CREATE TRIGGER leader_instructions_search AFTER INSERT OR UPDATE OF text OR DELETE ON leader_instructions
  FOR EACH ROW EXECUTE FUNCTION search_sync('instruction');
--> statement-breakpoint
CREATE TRIGGER units_search AFTER INSERT OR UPDATE OF name, township, code OR DELETE ON units
  FOR EACH ROW EXECUTE FUNCTION search_sync('unit');
--> statement-breakpoint
-- Existing installs: index what is already there by touching nothing but running the same function once.
INSERT INTO search_entries (tenant_id, kind, entity_id, plan_id, node_id, unit_id, title, body, grams)
SELECT tenant_id, kind, entity_id, plan_id, node_id, unit_id, title, body, search_vector(body) FROM (
  SELECT tenant_id, 'task' AS kind, id AS entity_id, plan_id, id AS node_id, NULL::uuid AS unit_id,
         concat_ws(' ', label, title) AS title, concat_ws(' ', title, text) AS body FROM plan_nodes
  UNION ALL SELECT tenant_id, 'measure', id, plan_id, node_id, NULL, left(text, 60), text FROM measures
  UNION ALL SELECT tenant_id, 'milestone', id, plan_id, node_id, NULL, title, concat_ws(' ', title, source_text) FROM milestones
  UNION ALL SELECT r.tenant_id, 'report', r.id, s.plan_id, s.node_id, r.unit_id, concat_ws('：', u.name, n.title),
         concat_ws(' ', nullif(r.done_text, ''), nullif(r.problems_text, ''), nullif(r.next_text, ''))
    FROM reports r JOIN assignments s ON s.id = r.assignment_id JOIN plan_nodes n ON n.id = s.node_id
    JOIN units u ON u.id = r.unit_id
  UNION ALL SELECT tenant_id, 'notice', id, plan_id, node_id, unit_id, left(reason, 60), concat_ws(' ', reason, close_note)
    FROM supervision_notices
  UNION ALL SELECT tenant_id, 'rectification', id, NULL, NULL, unit_id, left(problem, 60),
         concat_ws(' ', problem, requirement, measures) FROM rectifications
  UNION ALL SELECT tenant_id, 'instruction', id, NULL, NULL, unit_id, left(text, 60), text FROM leader_instructions
  UNION ALL SELECT tenant_id, 'unit', id, NULL, NULL, id, name, concat_ws(' ', name, township, code) FROM units
) AS existing;
