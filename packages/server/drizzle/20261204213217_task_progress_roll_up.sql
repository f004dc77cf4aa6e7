-- A task's progress from its assignments' progress and weights: the weighted mean, the plain mean when nothing
-- weighs anything, kept within the smallest and largest progress, rounded half up to one decimal — the domain's
-- weightedProgress (held to it by weighted-progress-sql.test.ts). Null over no assignments.
CREATE FUNCTION weighted_progress(p double precision[], w double precision[]) RETURNS double precision
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT floor(least(greatest(CASE WHEN sum(x.w) > 0 THEN sum(x.p * x.w) / sum(x.w) ELSE sum(x.p) / count(*) END,
    min(x.p)), max(x.p)) * 10 + 0.5) / 10
  FROM unnest(p, w) AS x(p, w)
$$;
--> statement-breakpoint
-- Rolls one assignment's new progress up to its task, for an approval that writes everything in one statement.
-- The task row is locked first and its assignments read by a statement of their own: in READ COMMITTED that
-- statement's snapshot is taken after the lock is held, so an approval of another assignment of the same task that
-- committed meanwhile is counted. (Reading them in the approval's own statement missed it: an update that waited
-- for a row sees the concurrent change to that row, not to the assignments.) `own` is the approval's assignment at
-- `own_progress`, which its own statement is writing.
CREATE FUNCTION roll_up_task_progress(t uuid, node uuid, own uuid, own_progress double precision) RETURNS integer
LANGUAGE plpgsql VOLATILE AS $$
DECLARE
  rolled double precision;
BEGIN
  PERFORM 1 FROM plan_nodes WHERE tenant_id = t AND id = node FOR UPDATE;
  SELECT weighted_progress(array_agg(CASE WHEN a.id = own THEN own_progress ELSE a.progress END), array_agg(a.weight))
    INTO rolled
    FROM assignments a WHERE a.tenant_id = t AND a.node_id = node AND a.status = 'active';
  UPDATE plan_nodes SET progress = coalesce(rolled, 0), updated_at = now() WHERE tenant_id = t AND id = node;
  RETURN 1;
END;
$$;
