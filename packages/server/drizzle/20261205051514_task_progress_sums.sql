-- A task's progress from sums its assignments' rows are aggregated into directly, in place of two arrays built from
-- them and taken apart again (weighted_progress(p[], w[])): the same formula, the weighted mean, the plain mean when
-- nothing weighs anything, kept within the smallest and largest progress, rounded half up to one decimal — the
-- domain's weightedProgress (held to it by weighted-progress.test.ts). Null over no assignments. An approval rolls
-- its task up under the task row's lock, so the cheaper the sum, the sooner the next approval of the task goes on.
CREATE FUNCTION weighted_progress_of(sum_pw double precision, sum_w double precision, sum_p double precision,
  n bigint, lo double precision, hi double precision) RETURNS double precision
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT CASE WHEN n = 0 THEN NULL
    ELSE floor(least(greatest(CASE WHEN sum_w > 0 THEN sum_pw / sum_w ELSE sum_p / n END, lo), hi) * 10 + 0.5) / 10 END
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION roll_up_task_progress(t uuid, node uuid, own uuid, own_progress double precision) RETURNS integer
LANGUAGE plpgsql VOLATILE AS $$
DECLARE
  rolled double precision;
BEGIN
  -- The lock first, then the read in a statement of its own (see migration task_progress_roll_up).
  PERFORM 1 FROM plan_nodes WHERE tenant_id = t AND id = node FOR UPDATE;
  SELECT weighted_progress_of(sum(x.p * x.w), sum(x.w), sum(x.p), count(*), min(x.p), max(x.p))
    INTO rolled
    FROM (SELECT CASE WHEN a.id = own THEN own_progress ELSE a.progress END AS p, a.weight AS w
      FROM assignments a WHERE a.tenant_id = t AND a.node_id = node AND a.status = 'active') x;
  UPDATE plan_nodes SET progress = coalesce(rolled, 0), updated_at = now() WHERE tenant_id = t AND id = node;
  RETURN 1;
END;
$$;
--> statement-breakpoint
DROP FUNCTION weighted_progress(double precision[], double precision[]);
