-- The tenant's files among `ids`, as a json array of their rows (snake_case keys); [] when none. The read of a
-- report's save calls it in place of its own subquery on files, so that PostgreSQL keeps that statement's generic
-- plan: planning the statement costs about 0.9 ms, four times its execution. A named statement is planned for its
-- values until the generic plan is estimated no dearer than those plans. With `id = any($n)` in the statement, the
-- generic plan guesses ten ids where the values name one or none, and at about a thousand files (a bureau's first
-- months) that guess cost as much as the planning it saves, so most saves were planned again. Behind a function
-- call, the statement costs the same whatever the ids; the function's own one-table query is cheap to plan.
CREATE FUNCTION files_json(p_tenant uuid, p_ids uuid[]) RETURNS json
LANGUAGE plpgsql STABLE AS $$
BEGIN
  RETURN (SELECT coalesce(json_agg(row_to_json(f)), '[]'::json) FROM files f
    WHERE f.tenant_id = p_tenant AND f.id = any(p_ids));
END;
$$;
