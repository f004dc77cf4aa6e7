// Seeds the reads scenario straight into the database (nothing here is measured): `schools` schools assigned
// every task of the published seed plan (24 × 300 = 7 200 assignments), twelve monthly cycles with November's
// reports approved (values on each assigned indicator), and December's reports on 学前教育科's task submitted
// and waiting for its review. Plain SQL over one `run` function, so PGlite (the server stopped, its data
// directory opened here) and PostgreSQL are seeded alike.

/** Runs one statement (no parameters) and resolves when it is done. */
export type RunSql = (statement: string) => Promise<void>;

/** What the measured reads ask for. */
export interface ReadsScenario {
  tenantId: string;
  planId: string;
  /** The task 学前教育科 leads and every school is assigned to: its assignment list is measured. */
  nodeId: string;
  schools: number;
}

const TOWNSHIPS = ["共济街道", "文兰街道", "岗店街道", "太阳街道", "复州城镇", "李店镇"];
const TYPES = ["kindergarten", "primary", "junior", "nine_year"];

/** A uuid checked before it is written into a statement. */
function uuid(value: string): string {
  if (!/^[0-9a-f-]{36}$/i.test(value)) throw new Error(`not a uuid: ${value}`);
  return `'${value}'`;
}

/** Quotes a list of plain words as a SQL text array. */
function textArray(words: string[]): string {
  return `array[${words.map((w) => `'${w.replaceAll("'", "''")}'`).join(", ")}]`;
}

/** Inserts the rows in one transaction of `run`. */
export async function seedReadRows(
  run: RunSql,
  at: {
    tenantId: string;
    planId: string;
    leadUnitId: string;
    nodeId: string;
    runId: string;
    schools: number;
  },
): Promise<void> {
  const t = uuid(at.tenantId);
  const p = uuid(at.planId);
  const prefix = `'压测读学校${at.runId.replace(/[^a-z0-9]/gi, "")}-'`;
  const statements = [
    `insert into units (tenant_id, name, kind, school_type, ownership, township, sort_order)
     select ${t}, ${prefix} || lpad(i::text, 3, '0'), 'school', (${textArray(TYPES)})[1 + i % 4], 'public',
            (${textArray(TOWNSHIPS)})[1 + i % 6], 1000 + i
     from generate_series(1, ${Number(at.schools)}) i`,
    // The measured task is led by the department whose 我的工作 is read.
    `update plan_nodes set lead_unit_id = ${uuid(at.leadUnitId)} where id = ${uuid(at.nodeId)}`,
    `insert into assignments (tenant_id, plan_id, node_id, unit_id, role)
     select ${t}, ${p}, n.id, u.id, 'executor' from units u
     join plan_nodes n on n.tenant_id = ${t} and n.plan_id = ${p} and n.level = 'task'
     where u.tenant_id = ${t} and u.name like ${prefix} || '%'`,
    `insert into assignment_indicators (tenant_id, assignment_id, indicator_id)
     select a.tenant_id, a.id, i.id from assignments a join indicators i on i.node_id = a.node_id
     where a.tenant_id = ${t} and a.plan_id = ${p}`,
    `insert into report_cycles (tenant_id, plan_id, name, kind, start_date, due_date, status, closed_at)
     select ${t}, ${p}, '2023年' || m || '月', 'monthly', to_char(make_date(2023, m, 1), 'YYYY-MM-DD'),
            to_char(make_date(2023, m, 25), 'YYYY-MM-DD'), case when m = 12 then 'open' else 'closed' end,
            case when m = 12 then null else make_timestamptz(2023, m, 28, 9, 0, 0, 'Asia/Shanghai') end
     from generate_series(1, 12) m`,
    // November's reports, approved: every assignment's progress and indicator values come from them.
    `insert into reports (tenant_id, cycle_id, assignment_id, unit_id, status, progress, late, submitted_at, reviewed_at)
     select a.tenant_id, cy.id, a.id, a.unit_id, 'approved', 60 + abs(hashtext(a.id::text)) % 40, false,
            make_timestamptz(2023, 11, 20, 10, 0, 0, 'Asia/Shanghai'),
            make_timestamptz(2023, 11, 21, 10, 0, 0, 'Asia/Shanghai')
     from assignments a join report_cycles cy on cy.tenant_id = a.tenant_id and cy.plan_id = a.plan_id
       and cy.start_date = '2023-11-01'
     where a.tenant_id = ${t} and a.plan_id = ${p}`,
    `insert into report_values (tenant_id, report_id, indicator_id, value)
     select r.tenant_id, r.id, ai.indicator_id, round((r.progress * 0.9)::numeric, 1)
     from reports r join assignment_indicators ai on ai.assignment_id = r.assignment_id
     join assignments a on a.id = r.assignment_id and a.plan_id = ${p}
     where r.tenant_id = ${t} and r.status = 'approved'`,
    `update assignments a set progress = r.progress from reports r
     where r.assignment_id = a.id and r.status = 'approved' and a.tenant_id = ${t} and a.plan_id = ${p}`,
    `update plan_nodes n set progress = x.p from (
       select node_id, round(avg(progress)::numeric, 1) p from assignments where tenant_id = ${t} and plan_id = ${p}
       group by node_id) x
     where x.node_id = n.id`,
    // December's reports on the measured task: submitted, each waiting for 学前教育科's review.
    `insert into reports (tenant_id, cycle_id, assignment_id, unit_id, status, progress, late, submitted_at)
     select a.tenant_id, cy.id, a.id, a.unit_id, 'submitted', least(100, a.progress + 5), false,
            make_timestamptz(2023, 12, 18, 9, 0, 0, 'Asia/Shanghai') + (row_number() over (order by a.id)) * interval '1 second'
     from assignments a join report_cycles cy on cy.tenant_id = a.tenant_id and cy.plan_id = a.plan_id
       and cy.start_date = '2023-12-01'
     where a.tenant_id = ${t} and a.node_id = ${uuid(at.nodeId)}`,
  ];
  await run("begin");
  try {
    for (const s of statements) await run(s);
    await run("commit");
  } catch (err) {
    await run("rollback").catch(() => undefined);
    throw err;
  }
}
