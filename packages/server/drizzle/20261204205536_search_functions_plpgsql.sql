-- The search functions of the search_sync migration, same results, in PL/pgSQL: PostgreSQL cannot inline a SQL
-- function whose body reads FROM a set or writes, so it planned their statements again on every call — three
-- plannings in each report's save (search_put's insert, search_vector's and search_words' queries). A PL/pgSQL
-- function plans its statements once per connection and keeps them. search_vector splits the words itself, so its
-- one statement does the whole work.
CREATE OR REPLACE FUNCTION search_words(t text) RETURNS text[] LANGUAGE plpgsql IMMUTABLE AS $$
BEGIN
  RETURN (SELECT coalesce(array_agg(w), '{}')
    FROM regexp_split_to_table(lower(coalesce(t, '')), '[\s[:punct:]，。、；：？！“”‘’（）《》〈〉【】「」『』…—·～]+') AS w
    WHERE w <> '');
END;
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION search_vector(t text) RETURNS tsvector LANGUAGE plpgsql IMMUTABLE AS $$
BEGIN
  RETURN (SELECT array_to_tsvector(coalesce(array_agg(DISTINCT CASE WHEN char_length(w) = 1 THEN w ELSE substr(w, i, 2) END), '{}'))
    FROM regexp_split_to_table(lower(coalesce(t, '')), '[\s[:punct:]，。、；：？！“”‘’（）《》〈〉【】「」『』…—·～]+') AS w,
      generate_series(1, greatest(char_length(w) - 1, 1)) AS i
    WHERE w <> '');
END;
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION search_put(
  p_tenant uuid, p_kind text, p_id uuid, p_plan uuid, p_node uuid, p_unit uuid, p_title text, p_body text
) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO search_entries (tenant_id, kind, entity_id, plan_id, node_id, unit_id, title, body, grams)
  VALUES (p_tenant, p_kind, p_id, p_plan, p_node, p_unit, coalesce(p_title, ''), coalesce(p_body, ''), search_vector(p_body))
  ON CONFLICT (kind, entity_id) DO UPDATE SET
    plan_id = excluded.plan_id, node_id = excluded.node_id, unit_id = excluded.unit_id,
    title = excluded.title, body = excluded.body, grams = excluded.grams;
END;
$$;
