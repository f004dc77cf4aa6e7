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
 * The cockpit's main figures as one tight hand-written SQL statement on the live rows: the lights of every task
 * and assignment (with 序时进度), counts by light per section and per lead department with the current cycle's
 * on-time reporting, the heat map's lights (unit, task, light per assignment), each indicator's latest approved
 * value per expected unit with its coverage, and open 督办单 by level. Every row is read through an index of
 * the tenant; each assignment's latest approved report is one index walk (its values read from that report), not a sort
 * of a year of values. The
 * floor the API is measured against.
 */
export const cockpitSql = `
with p as (select id, year, light_tolerance tol, $3::date today from plans where tenant_id = $1 and id = $2),
t as materialized (
  select n.id, n.parent_id, n.lead_unit_id, n.progress, n.weight, n.status, p.today, p.tol,
         coalesce(n.start_date, p.year || '-01-01')::date s, coalesce(n.due_date, p.year || '-12-31')::date d
  from plan_nodes n join p on n.plan_id = p.id where n.tenant_id = $1 and n.level in ('task', 'subtask')),
tl as materialized (
  select t.*, x.e, case when status = 'closed' or progress >= 100 then 'blue' when today > d then 'red'
         when today < s then 'grey' when progress < x.e - tol then 'yellow' else 'green' end light
  from t, lateral (select case when today >= d then 100 when today < s then 0
                               else (today - s + 1) * 100.0 / (d - s + 1) end e) x),
cy as (select id, due_date::date due from report_cycles where tenant_id = $1 and plan_id = $2 and start_date::date <= $3
       order by start_date desc limit 1),
al as materialized (
  select a.id, a.node_id, a.unit_id, tl.parent_id, tl.lead_unit_id,
         case when tl.status = 'closed' or a.progress >= 100 then 'blue' when tl.today > ad.d then 'red'
              when tl.today < tl.s then 'grey'
              when a.progress < (case when tl.today >= ad.d then 100 else (tl.today - tl.s + 1) * 100.0 / (ad.d - tl.s + 1) end) - tl.tol
              then 'yellow' else 'green' end light,
         case when r.status in ('submitted', 'approved') then case when r.late then 'late' else 'on_time' end
              when $3 > cy.due then 'missing' else 'pending' end st
  from assignments a join tl on tl.id = a.node_id
  cross join lateral (select coalesce(a.due_date::date, tl.d) d) ad
  left join cy on true
  left join reports r on r.tenant_id = $1 and r.cycle_id = cy.id and r.assignment_id = a.id
  where a.tenant_id = $1 and a.plan_id = $2 and a.status = 'active'),
lr as materialized (
  select al.id, (select r.id from reports r where r.tenant_id = $1 and r.assignment_id = al.id
                 and r.status = 'approved' order by r.reviewed_at desc limit 1) rid from al),
lv as (
  select ai.indicator_id, rv.value from lr
  join assignment_indicators ai on ai.tenant_id = $1 and ai.assignment_id = lr.id
  left join report_values rv on rv.tenant_id = $1 and rv.report_id = lr.rid and rv.indicator_id = ai.indicator_id)
select json_build_object(
  'tasks', (select json_object_agg(light, n) from (select light, count(*) n from tl group by light) x),
  'progress', (select sum(progress * weight) / nullif(sum(weight), 0) from tl),
  'expected', (select avg(e) from tl),
  'sections', (select json_agg(x) from (select parent_id, light, count(*) n from tl group by 1, 2) x),
  'departments', (select json_agg(x) from (select lead_unit_id, light, count(*) n from tl group by 1, 2) x),
  'reporting', (select json_agg(x) from (select lead_unit_id, count(*) filter (where st = 'on_time') on_time,
                 count(*) filter (where st <> 'pending') due from al group by 1) x),
  'assignments', (select json_object_agg(light, n) from (select light, count(*) n from al group by light) x),
  'cells', (select json_build_object('units', array_agg(unit_id), 'tasks', array_agg(node_id),
                 'lights', string_agg(left(light, 1), '')) from al),
  'indicators', (select json_agg(x) from (select i.id, i.target_value, case i.aggregation when 'sum' then sum(lv.value)
                 when 'min' then min(lv.value) when 'max' then max(lv.value) else avg(lv.value) end v,
                 count(lv.value) reported, count(lv.indicator_id) expected
                 from indicators i left join lv on lv.indicator_id = i.id
                 where i.tenant_id = $1 and i.plan_id = $2 group by i.id) x),
  'notices', (select json_object_agg(level, n) from (select level, count(*) n from supervision_notices
                 where tenant_id = $1 and plan_id = $2 and status in ('open', 'replied', 'returned') group by 1) x)
) as cockpit`;
