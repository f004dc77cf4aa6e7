// Seeds the cockpit scenario straight into the database (nothing here is measured): 300 schools on six tasks of
// the published seed plan, twelve monthly cycles of reports with indicator values, some 督办单, and the plan's
// snapshot of the 1st of every month. Also holds the hand-written SQL the cockpit is compared with.
import pg from "pg";

/** Where the seeded rows hang. */
export interface CockpitScenario {
  tenantId: string;
  planId: string;
  schools: number;
  assignments: number;
  reports: number;
}

const TOWNSHIPS = ["共济街道", "文兰街道", "岗店街道", "太阳街道", "复州城镇", "李店镇"];
const TYPES = ["kindergarten", "primary", "junior", "nine_year"];

/** Inserts schools, assignments, cycles, reports, values and notices for the plan, in one transaction. */
export async function seedCockpitRows(
  url: string,
  at: { planId: string; runId: string; schools: number },
): Promise<CockpitScenario> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    await c.query("begin");
    const plan = (await c.query("select tenant_id from plans where id = $1", [at.planId])).rows[0];
    const t = plan.tenant_id as string;
    const p = at.planId;
    const prefix = `压测学校${at.runId}-`;
    await c.query(
      `insert into units (tenant_id, name, kind, school_type, ownership, township, sort_order)
       select $1, $2 || lpad(i::text, 3, '0'), 'school', ($3::text[])[1 + i % 4], 'public', ($4::text[])[1 + i % 6], 1000 + i
       from generate_series(1, $5::int) i`,
      [t, prefix, TYPES, TOWNSHIPS, at.schools],
    );
    // Section 三's six tasks (9–14): the ones every school carries out.
    const assigned = await c.query(
      `insert into assignments (tenant_id, plan_id, node_id, unit_id, role)
       select $1, $2, n.id, u.id, 'executor' from units u
       join plan_nodes n on n.tenant_id = $1 and n.plan_id = $2 and n.level = 'task' and n.number between 9 and 14
       where u.tenant_id = $1 and u.name like $3 || '%'`,
      [t, p, prefix],
    );
    await c.query(
      `insert into assignment_indicators (tenant_id, assignment_id, indicator_id)
       select a.tenant_id, a.id, i.id from assignments a join indicators i on i.node_id = a.node_id
       where a.tenant_id = $1 and a.plan_id = $2`,
      [t, p],
    );
    await c.query(
      `insert into report_cycles (tenant_id, plan_id, name, kind, start_date, due_date, status, closed_at)
       select $1, $2, '2023年' || m || '月', 'monthly', to_char(make_date(2023, m, 1), 'YYYY-MM-DD'),
              to_char(make_date(2023, m, 25), 'YYYY-MM-DD'), case when m = 12 then 'open' else 'closed' end,
              case when m = 12 then null else make_timestamptz(2023, m, 28, 9, 0, 0, 'Asia/Shanghai') end
       from generate_series(1, 12) m`,
      [t, p],
    );
    // One in 25 reports never comes, one in 10 comes late; December's cycle (due the 25th) is half in.
    const reports = await c.query(
      `insert into reports (tenant_id, cycle_id, assignment_id, unit_id, status, progress, late, submitted_at, reviewed_at)
       select a.tenant_id, cy.id, a.id, a.unit_id, 'approved',
              least(100, m * 8 + abs(hashtext(a.id::text)) % 12),
              abs(hashtext(a.id::text || m)) % 10 = 0,
              make_timestamptz(2023, m, 20, 10, 0, 0, 'Asia/Shanghai'),
              make_timestamptz(2023, m, 21, 10, 0, 0, 'Asia/Shanghai')
       from assignments a
       join report_cycles cy on cy.tenant_id = a.tenant_id and cy.plan_id = a.plan_id,
       lateral (select extract(month from cy.start_date::date)::int m) mm
       where a.tenant_id = $1 and a.plan_id = $2
         and abs(hashtext(a.id::text || cy.id::text)) % 25 <> 0
         and (m < 12 or abs(hashtext(a.id::text)) % 2 = 0)`,
      [t, p],
    );
    await c.query(
      `insert into report_values (tenant_id, report_id, indicator_id, value)
       select r.tenant_id, r.id, ai.indicator_id, round((r.progress * 0.9)::numeric, 1)
       from reports r join assignment_indicators ai on ai.assignment_id = r.assignment_id
       where r.tenant_id = $1 and r.unit_id in (select id from units where tenant_id = $1 and name like $2 || '%')`,
      [t, prefix],
    );
    await c.query(
      `update assignments a set progress = x.p from (
         select distinct on (r.assignment_id) r.assignment_id, r.progress p from reports r
         join report_cycles cy on cy.id = r.cycle_id where r.tenant_id = $1 and cy.plan_id = $2
         order by r.assignment_id, cy.start_date desc) x
       where x.assignment_id = a.id`,
      [t, p],
    );
    await c.query(
      `update plan_nodes n set progress = x.p from (
         select node_id, round(avg(progress)::numeric, 1) p from assignments where tenant_id = $1 and plan_id = $2
         group by node_id) x
       where x.node_id = n.id`,
      [t, p],
    );
    await c.query(
      `insert into supervision_notices (tenant_id, plan_id, node_id, assignment_id, unit_id, level, source, reason, reply_due)
       select tenant_id, plan_id, node_id, id, unit_id, (array['blue', 'yellow', 'red'])[1 + (i % 3)::int], 'manual',
              '请加快进度并报送', '2023-12-31'
       from (select a.*, row_number() over (order by a.id) i from assignments a
             where a.tenant_id = $1 and a.plan_id = $2) x where i <= 90`,
      [t, p],
    );
    await c.query("commit");
    return {
      tenantId: t,
      planId: p,
      schools: at.schools,
      assignments: assigned.rowCount ?? 0,
      reports: reports.rowCount ?? 0,
    };
  } catch (err) {
    await c.query("rollback").catch(() => undefined);
    throw err;
  } finally {
    await c.end();
  }
}

/**
 * The cockpit's figures as one hand-written SQL statement on the live rows: lights and 序时进度 of every task
 * and assignment, by section and lead department with on-time reporting, the heat-map cells, reports per unit in
 * the current cycle, indicator values with coverage, and open 督办单 by level. The floor the API is measured against.
 */
export const cockpitSql = `
with p as (select id, year, light_tolerance tol, $3::date today from plans where tenant_id = $1 and id = $2),
t as (
  select n.id, n.parent_id, n.lead_unit_id, n.progress, n.weight, n.status, p.today, p.tol,
         coalesce(n.start_date, p.year || '-01-01')::date s, coalesce(n.due_date, p.year || '-12-31')::date d
  from plan_nodes n, p where n.tenant_id = $1 and n.plan_id = p.id and n.level in ('task', 'subtask')),
te as (select t.*, case when today >= d then 100 when today < s then 0 else (today - s + 1) * 100.0 / (d - s + 1) end e from t),
tl as (select te.*, case when status = 'closed' or progress >= 100 then 'blue' when today > d then 'red'
         when today < s then 'grey' when progress < e - tol then 'yellow' else 'green' end light from te),
a as (
  select a.id, a.node_id, a.unit_id, a.progress, tl.today, tl.tol, tl.s, tl.status,
         coalesce(a.due_date, tl.d::text)::date d
  from assignments a join tl on tl.id = a.node_id where a.tenant_id = $1 and a.plan_id = $2 and a.status = 'active'),
ae as (select a.*, case when today >= d then 100 when today < s then 0 else (today - s + 1) * 100.0 / (d - s + 1) end e from a),
al as (select ae.*, case when status = 'closed' or progress >= 100 then 'blue' when today > d then 'red'
         when today < s then 'grey' when progress < e - tol then 'yellow' else 'green' end light from ae),
cy as (select id, due_date from report_cycles where tenant_id = $1 and plan_id = $2 and start_date::date <= $3
       order by start_date desc limit 1),
rs as (
  select al.*, case when r.status in ('submitted', 'approved') then case when r.late then 'late' else 'on_time' end
         when $3 > cy.due_date::date then 'missing' else 'pending' end st
  from al cross join cy left join reports r on r.tenant_id = $1 and r.cycle_id = cy.id and r.assignment_id = al.id),
lv as (
  select distinct on (rv.indicator_id, r.unit_id) rv.indicator_id, r.unit_id, rv.value
  from report_values rv join reports r on r.id = rv.report_id join indicators i on i.id = rv.indicator_id
  where rv.tenant_id = $1 and i.plan_id = $2 and r.status = 'approved'
  order by rv.indicator_id, r.unit_id, r.reviewed_at desc),
ex as (
  select ai.indicator_id, a.unit_id from assignment_indicators ai join assignments a on a.id = ai.assignment_id
  where ai.tenant_id = $1 and a.plan_id = $2 and a.status = 'active' group by 1, 2),
ind as (
  select i.id, i.target_value, case i.aggregation when 'sum' then sum(lv.value) when 'min' then min(lv.value)
         when 'max' then max(lv.value) else avg(lv.value) end v,
         count(lv.unit_id) filter (where ex.unit_id is not null) reported,
         (select count(*) from ex e2 where e2.indicator_id = i.id) expected
  from indicators i left join lv on lv.indicator_id = i.id
  left join ex on ex.indicator_id = i.id and ex.unit_id = lv.unit_id
  where i.tenant_id = $1 and i.plan_id = $2 group by i.id),
un as (
  select unit_id, count(*) filter (where light = 'red') red, count(*) filter (where light = 'yellow') yellow,
         count(*) filter (where st = 'on_time') on_time, count(*) filter (where st = 'late') late,
         count(*) filter (where st = 'missing') missing
  from rs group by unit_id),
nt as (
  select unit_id, level, count(*) n from supervision_notices
  where tenant_id = $1 and plan_id = $2 and status in ('open', 'replied', 'returned') group by 1, 2)
select json_build_object(
  'tasks', (select json_object_agg(light, n) from (select light, count(*) n from tl group by light) x),
  'progress', (select sum(progress * weight) / nullif(sum(weight), 0) from tl),
  'expected', (select avg(e) from tl),
  'sections', (select json_agg(x) from (select parent_id, count(*) n, avg(progress) pr, avg(e) ex,
                 count(*) filter (where light = 'red') overdue from tl group by parent_id) x),
  'departments', (select json_agg(x) from (select tl.lead_unit_id, count(distinct tl.id) n,
                 count(rs.id) filter (where rs.st = 'on_time') on_time,
                 count(rs.id) filter (where rs.st in ('on_time', 'late', 'missing')) due
                 from tl left join rs on rs.node_id = tl.id group by tl.lead_unit_id) x),
  'cells', (select json_agg(json_build_array(unit_id, node_id, id, light, progress)) from al),
  'units', (select json_agg(un) from un),
  'indicators', (select json_agg(ind) from ind),
  'notices', (select json_agg(nt) from nt)
) as cockpit`;
