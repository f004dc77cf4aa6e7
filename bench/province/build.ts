// Builds a synthetic province in PostgreSQL, server-side (INSERT … SELECT over generate_series and the rows
// already there: nothing crosses the wire but the statements). One province, `cities` cities and `counties`
// counties as tenants nested by parent_id; every bureau holds a copy of the published seed plan (its sections,
// tasks, indicators, measures and milestones, lead departments mapped by name); each county has
// `schoolsPerCounty` schools, each assigned `tasksPerSchool` of the plan's tasks, with `cycles` monthly cycles
// of approved reports (values on every assigned indicator) up to December 2023, whose cycle is open and which the
// first `submitters` schools of every county have not reported yet. One task in five of every city's plan is
// handed down to its counties and linked by each to its own task of the same number, and the same tasks of the
// province's plan to every city. The bulk rows are written with session_replication_role = replica (no foreign
// key or trigger work per row: the rows are consistent by construction); the data versions the triggers would
// have moved are set at the end, and search entries are not built for them (search is not measured here).
import type pg from "pg";
import { demoDepartments } from "../../packages/server/src/seed/demo-data.js";

/** How big the province is. */
export interface ProvinceSize {
  cities: number;
  counties: number;
  schoolsPerCounty: number;
  tasksPerSchool: number;
  cycles: number;
  /** Schools per county whose December reports are still to come (their users submit in the bench). */
  submitters: number;
}

/** Seconds each step took, and how many rows the big tables got. */
export interface BuildFigures {
  steps: Record<string, number>;
  rows: Record<string, number>;
  totalSeconds: number;
}

const DEPARTMENTS = demoDepartments;
const TYPES = ["kindergarten", "primary", "junior", "nine_year", "senior"];
const TOWNSHIPS = ["城关街道", "东城街道", "西城街道", "南山镇", "北湖镇", "河口乡"];

const lit = (words: string[]) => `array[${words.map((w) => `'${w.replaceAll("'", "''")}'`).join(", ")}]`;

/** The statements of the build, in order, each with the name its time is printed under. */
function statements(size: ProvinceSize, templatePlanId: string): [string, string][] {
  const { cities, counties, schoolsPerCounty: s, tasksPerSchool: k, cycles, submitters } = size;
  const firstMonth = 13 - cycles;
  return [
    [
      "tenants",
      `create temp table bt as
       select gen_random_uuid() id, 'province' lvl, 0 idx, null::int parent_idx
       union all select gen_random_uuid(), 'city', i, 0 from generate_series(1, ${cities}) i
       union all select gen_random_uuid(), 'county', i, 1 + (i - 1) % ${cities} from generate_series(1, ${counties}) i;
       insert into tenants (id, parent_id, code, name)
       select b.id, p.id, b.lvl || lpad(b.idx::text, 3, '0'),
              case b.lvl when 'province' then '压测省教育厅' when 'city' then '压测第' || b.idx || '市教育局'
                   else '压测第' || b.idx || '县教育局' end
       from bt b left join bt p on p.lvl = case b.lvl when 'city' then 'province' else 'city' end
         and p.idx = coalesce(b.parent_idx, -1) and b.lvl <> 'province'`,
    ],
    [
      "departments",
      `insert into units (tenant_id, name, kind, sort_order)
       select b.id, d.name, 'department', d.n from bt b, unnest(${lit(DEPARTMENTS)}) with ordinality d(name, n)`,
    ],
    [
      "schools",
      `create temp table bs as
       select gen_random_uuid() id, b.id tenant_id, b.idx county, i - 1 idx
       from bt b, generate_series(1, ${s}) i where b.lvl = 'county';
       insert into units (id, tenant_id, name, kind, school_type, ownership, township, sort_order)
       select id, tenant_id, '压测第' || county || '县第' || (idx + 1) || '学校', 'school',
              (${lit(TYPES)})[1 + idx % ${TYPES.length}], 'public', (${lit(TOWNSHIPS)})[1 + idx % ${TOWNSHIPS.length}],
              100 + idx
       from bs`,
    ],
    [
      "plans",
      `create temp table bp as select gen_random_uuid() id, b.id tenant_id, b.lvl, b.idx from bt b;
       insert into plans (id, tenant_id, year, title, issuer, preamble, status, light_tolerance, cadence,
                          cadence_due_day, published_at)
       select bp.id, bp.tenant_id, p.year, t.name || p.year || '年工作要点', t.name, p.preamble, 'published',
              p.light_tolerance, p.cadence, p.cadence_due_day, p.published_at
       from bp join tenants t on t.id = bp.tenant_id, plans p where p.id = '${templatePlanId}'`,
    ],
    [
      "plan nodes",
      `create temp table bn as
       select n.id old_id, bp.tenant_id, bp.id plan_id, gen_random_uuid() id from plan_nodes n, bp
       where n.plan_id = '${templatePlanId}';
       create index on bn (old_id, tenant_id);
       insert into plan_nodes (id, tenant_id, plan_id, parent_id, level, label, number, title, text, span_start,
                               span_end, position, lead_unit_id, co_unit_ids, deadline, start_date, due_date, weight)
       select m.id, m.tenant_id, m.plan_id, pm.id, n.level, n.label, n.number, n.title, n.text, n.span_start,
              n.span_end, n.position, lu.id,
              array(select cu.id from unnest(n.co_unit_ids) c(id) join units ou on ou.id = c.id
                    join units cu on cu.tenant_id = m.tenant_id and cu.name = ou.name),
              n.deadline, n.start_date, n.due_date, n.weight
       from bn m join plan_nodes n on n.id = m.old_id
       left join bn pm on pm.old_id = n.parent_id and pm.tenant_id = m.tenant_id
       left join units ol on ol.id = n.lead_unit_id
       left join units lu on lu.tenant_id = m.tenant_id and lu.name = ol.name;
       create temp table btk as
       select m.id node_id, m.tenant_id, m.plan_id,
              (row_number() over (partition by m.tenant_id order by n.position, n.id) - 1)::int tidx
       from bn m join plan_nodes n on n.id = m.old_id where n.level = 'task';
       create index on btk (tenant_id, tidx)`,
    ],
    [
      "indicators, measures, milestones",
      `create temp table bi as
       select i.id old_id, m.tenant_id, m.plan_id, m.id node_id, gen_random_uuid() id
       from indicators i join bn m on m.old_id = i.node_id;
       insert into indicators (id, tenant_id, plan_id, node_id, position, span_start, span_end, name, comparator,
                               target_value, target_max, unit, deadline, hedge, aggregation, source_text)
       select b.id, b.tenant_id, b.plan_id, b.node_id, i.position, i.span_start, i.span_end, i.name, i.comparator,
              i.target_value, i.target_max, i.unit, i.deadline, i.hedge, i.aggregation, i.source_text
       from bi b join indicators i on i.id = b.old_id;
       insert into measures (tenant_id, plan_id, node_id, position, span_start, span_end, text)
       select m.tenant_id, m.plan_id, m.id, x.position, x.span_start, x.span_end, x.text
       from measures x join bn m on m.old_id = x.node_id;
       insert into milestones (tenant_id, plan_id, node_id, position, span_start, span_end, title, deadline, hedge,
                               source_text)
       select m.tenant_id, m.plan_id, m.id, x.position, x.span_start, x.span_end, x.title, x.deadline, x.hedge,
              x.source_text
       from milestones x join bn m on m.old_id = x.node_id`,
    ],
    [
      "assignments",
      // School i carries the k tasks from its index on, round the plan: every task has about s·k/T schools.
      `create temp table bta as select count(*)::int n from plan_nodes
       where plan_id = '${templatePlanId}' and level = 'task';
       insert into assignments (tenant_id, plan_id, node_id, unit_id, role, created_at, updated_at)
       select s.tenant_id, tk.plan_id, tk.node_id, s.id, 'executor', timestamptz '2023-01-10 09:00+08',
              timestamptz '2023-01-10 09:00+08'
       from bs s, bta, generate_series(0, ${k} - 1) j
       join btk tk on true
       where tk.tenant_id = s.tenant_id and tk.tidx = (s.idx + j) % bta.n;
       insert into assignment_indicators (tenant_id, assignment_id, indicator_id)
       select a.tenant_id, a.id, i.id from assignments a join indicators i on i.node_id = a.node_id
       join bs on bs.id = a.unit_id`,
    ],
    [
      "cycles",
      `insert into report_cycles (tenant_id, plan_id, name, kind, start_date, due_date, status, closed_at)
       select bp.tenant_id, bp.id, '2023年' || m || '月', 'monthly', to_char(make_date(2023, m, 1), 'YYYY-MM-DD'),
              to_char(make_date(2023, m, 25), 'YYYY-MM-DD'), case when m = 12 then 'open' else 'closed' end,
              case when m = 12 then null else make_timestamptz(2023, m, 28, 9, 0, 0, 'Asia/Shanghai') end
       from bp, generate_series(${firstMonth}, 12) m where bp.lvl = 'county'`,
    ],
    [
      "reports",
      // Month by month, as they arrive: a task's reports are spread over the table, not side by side.
      `insert into reports (tenant_id, cycle_id, assignment_id, unit_id, status, progress, done_text, late,
                            submitted_at, reviewed_at, version, created_at, updated_at)
       select a.tenant_id, cy.id, a.id, a.unit_id, 'approved', x.p,
              '本月完成' || x.p || '%，按计划推进。', (a.h % 10) = 0,
              make_timestamptz(2023, x.m, 20, 10, 0, 0, 'Asia/Shanghai') + (a.h % 3600) * interval '1 second',
              make_timestamptz(2023, x.m, 21, 10, 0, 0, 'Asia/Shanghai') + (a.h % 3600) * interval '1 second', 2,
              make_timestamptz(2023, x.m, 20, 9, 0, 0, 'Asia/Shanghai'),
              make_timestamptz(2023, x.m, 21, 10, 0, 0, 'Asia/Shanghai')
       from report_cycles cy
       join (select a.*, abs(hashtext(a.id::text)) h, bs.idx sidx from assignments a join bs on bs.id = a.unit_id) a
         on a.plan_id = cy.plan_id,
       lateral (select extract(month from cy.start_date::date)::int m) mm,
       lateral (select mm.m, least(100, mm.m * 8 + a.h % 12)::double precision p) x
       where not (mm.m = 12 and a.sidx < ${submitters})
       order by cy.start_date, a.tenant_id`,
    ],
    [
      "report values",
      `insert into report_values (tenant_id, report_id, indicator_id, value)
       select r.tenant_id, r.id, ai.indicator_id, round((r.progress * 0.9)::numeric, 1)
       from reports r join assignment_indicators ai on ai.assignment_id = r.assignment_id
       where r.tenant_id in (select id from bt where lvl = 'county')`,
    ],
    [
      "progress",
      `update assignments a set progress = x.p from (
         select distinct on (r.assignment_id) r.assignment_id, r.progress p from reports r
         join report_cycles cy on cy.id = r.cycle_id where r.tenant_id in (select id from bt where lvl = 'county')
         order by r.assignment_id, cy.start_date desc) x
       where x.assignment_id = a.id;
       update plan_nodes n set progress = x.p from (
         select node_id, round(avg(progress)::numeric, 1) p from assignments
         where tenant_id in (select id from bt where lvl = 'county') group by node_id) x
       where x.node_id = n.id`,
    ],
    [
      "hand-downs",
      // One task in five of every city's plan to its counties, and of the province's to every city; each
      // bureau links it to its own task of the same number.
      `insert into hand_downs (tenant_id, plan_id, node_id, title, text, due_date, targets, created_at)
       select tk.tenant_id, tk.plan_id, tk.node_id, n.title, n.text, n.due_date,
              coalesce((select jsonb_agg(jsonb_build_object('indicatorId', i.id, 'name', i.name,
                 'comparator', i.comparator, 'value', i.target_value, 'valueMax', i.target_max, 'unit', i.unit,
                 'deadline', i.deadline, 'rollup', case when i.unit in ('%', '％') then 'ratio' else 'sum' end,
                 'baseTarget', null) order by i.position) from indicators i where i.node_id = tk.node_id), '[]'),
              timestamptz '2023-02-01 09:00+08'
       from btk tk join bt b on b.id = tk.tenant_id and b.lvl in ('province', 'city')
       join plan_nodes n on n.id = tk.node_id where tk.tidx % 5 = 0;
       insert into cascade_links (tenant_id, from_tenant_id, hand_down_id, status, node_id, linked_at, version,
                                  created_at, updated_at)
       select t.id, h.tenant_id, h.id, 'linked', own.node_id, timestamptz '2023-02-03 09:00+08', 1,
              timestamptz '2023-02-01 09:00+08', timestamptz '2023-02-03 09:00+08'
       from hand_downs h join btk sup on sup.node_id = h.node_id
       join tenants t on t.parent_id = h.tenant_id
       join btk own on own.tenant_id = t.id and own.tidx = sup.tidx;
       update plan_nodes n set progress = x.p from (
         select l.from_tenant_id, h.node_id, round(avg(c.progress)::numeric, 1) p from cascade_links l
         join hand_downs h on h.id = l.hand_down_id join plan_nodes c on c.id = l.node_id
         join bt b on b.id = l.from_tenant_id and b.lvl = 'city' group by 1, 2) x
       where n.id = x.node_id;
       update plan_nodes n set progress = x.p from (
         select h.node_id, round(avg(c.progress)::numeric, 1) p from cascade_links l
         join hand_downs h on h.id = l.hand_down_id join plan_nodes c on c.id = l.node_id
         join bt b on b.id = l.from_tenant_id and b.lvl = 'province' group by 1) x
       where n.id = x.node_id`,
    ],
    [
      "data versions",
      `insert into data_versions (tenant_id, version) select id, 1 from bt
       on conflict (tenant_id, slot) do update set version = data_versions.version + 1`,
    ],
  ];
}

/** Runs the build on a connection to the bench's database; `templatePlanId` is the published seed plan. */
export async function buildProvince(
  client: pg.Client,
  size: ProvinceSize,
  templatePlanId: string,
  log: (msg: string) => void,
): Promise<BuildFigures> {
  const steps: Record<string, number> = {};
  const t0 = performance.now();
  await client.query("set session_replication_role = replica");
  await client.query("set work_mem = '64MB'");
  await client.query("set maintenance_work_mem = '256MB'");
  await client.query("begin");
  for (const [name, sql] of statements(size, templatePlanId)) {
    const t = performance.now();
    await client.query(sql);
    steps[name] = Number(((performance.now() - t) / 1000).toFixed(1));
    log(`build: ${name} ${steps[name]} s`);
  }
  await client.query("commit");
  await client.query("set session_replication_role = origin");
  const t = performance.now();
  // What autovacuum would have done by the time anyone reads a year of reports: statistics and visibility maps.
  await client.query("vacuum (analyze)");
  steps["vacuum analyze"] = Number(((performance.now() - t) / 1000).toFixed(1));
  log(`build: vacuum analyze ${steps["vacuum analyze"]} s`);
  const rows: Record<string, number> = {};
  for (const table of [
    "tenants",
    "units",
    "plan_nodes",
    "assignments",
    "reports",
    "report_values",
    "cascade_links",
  ])
    rows[table] = Number((await client.query(`select count(*)::int n from ${table}`)).rows[0].n);
  return { steps, rows, totalSeconds: Number(((performance.now() - t0) / 1000).toFixed(1)) };
}

/** The accounts the bench signs in with, all with the demo password; logins carry the bureau's code. */
export async function createBenchUsers(client: pg.Client, size: ProvinceSize): Promise<void> {
  // The demo's password hash: every bench account signs in with the demo password.
  await client.query(
    `insert into users (tenant_id, unit_id, name, login, roles, password_hash, must_change_password)
     select t.id, u.id, '督查' || t.code, 'sup-' || t.code, array['supervisor'], d.password_hash, false
     from tenants t join units u on u.tenant_id = t.id and u.name = '办公室'
     cross join (select password_hash from users where login = 'ducha') d
     where t.code ~ '^(province|city|county)[0-9]+$'`,
  );
  await client.query(
    `insert into users (tenant_id, unit_id, name, login, roles, password_hash, must_change_password)
     select u.tenant_id, u.id, '填报员' || t.code || '-' || (u.sort_order - 99), 'sch-' || t.code || '-' || (u.sort_order - 99),
            array['school'], d.password_hash, false
     from units u join tenants t on t.id = u.tenant_id
     cross join (select password_hash from users where login = 'ducha') d
     where t.code = 'county001' and u.kind = 'school' and u.sort_order - 100 < $1`,
    [size.submitters],
  );
}
