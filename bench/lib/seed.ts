// Seeds the surge scenario over real HTTP: 300 schools with one user each, a published one-task plan led by
// 学前教育科, the task assigned to every school, an open cycle. Nothing here is measured.
import fs from "node:fs";
import { Client, expectStatus, type HttpContext } from "./http.js";
import { eachLimited } from "./stats.js";

/** Password of the demo accounts `duban serve --demo` creates. */
const DEMO_PASSWORD = "Duban@2023";
const INITIAL_PASSWORD = "Bench-Init-1a";
const SCHOOL_PASSWORD = "Bench-Pass-2b";

/** One school's signed-in reporter and the assignment it reports on. */
export interface School {
  index: number;
  unitId: string;
  client: Client;
  assignmentId: string;
}

/** The signed-in people of a run: the lead department, the 督查室 and the schools (no assignment yet). */
export interface People {
  lead: Client;
  supervisor: Client;
  schools: Omit<School, "assignmentId">[];
}

/** Everything the measured phase needs. */
export interface Scenario {
  lead: Client;
  supervisor: Client;
  planId: string;
  nodeId: string;
  cycleId: string;
  schools: School[];
}

/** A one-section, one-task plan in the shape of the 2023 reference document; 学前 makes 学前教育科 lead. */
function smallPlanText(runId: string): string {
  const seed = fs.readFileSync(
    new URL("../../packages/plan-parser/src/test-fixtures/seed-2023.txt", import.meta.url),
    "utf8",
  );
  const lines = seed.split("\n");
  const task = lines.find((l) => /^\s*9\./.test(l))!.replace(/^\s*9\./, "1.");
  return [`瓦房店市教育局压测计划${runId}`, lines[1]!, "一、努力办好人民更加满意的教育", task, ""].join("\n");
}

/** Signs a demo account in. */
async function demoClient(http: HttpContext, login: string): Promise<Client> {
  const c = new Client(http);
  expectStatus(await c.login(login, DEMO_PASSWORD), 200, `login ${login}`);
  return c;
}

/** Creates `count` schools and their users; each user signs in and changes the initial password once. */
async function seedSchools(http: HttpContext, admin: Client, runId: string, count: number) {
  const schools: Omit<School, "assignmentId">[] = [];
  const indexes = Array.from({ length: count }, (_, i) => i);
  // Argon2 runs on the server's 4 libuv threads; more parallel requests only queue there.
  await eachLimited(indexes, 8, async (i) => {
    const unit = await admin.post("/api/units", {
      name: `压测幼儿园${runId}-${String(i + 1).padStart(3, "0")}`,
      kind: "school",
      schoolType: "kindergarten",
      ownership: "public",
      township: "共济街道",
    });
    expectStatus(unit, 201, "create unit");
    const unitId = (unit.body as { id: string }).id;
    const login = `b${runId}s${i + 1}`;
    const user = await admin.post("/api/users", {
      name: `压测填报员${i + 1}`,
      login,
      roles: ["school"],
      unitId,
      password: INITIAL_PASSWORD,
    });
    expectStatus(user, 201, "create user");
    const client = new Client(http);
    expectStatus(await client.login(login, INITIAL_PASSWORD), 200, `login ${login}`);
    const changed = await client.post("/api/auth/change-password", {
      currentPassword: INITIAL_PASSWORD,
      newPassword: SCHOOL_PASSWORD,
    });
    expectStatus(changed, 204, "change password");
    schools.push({ index: i, unitId, client });
  });
  return schools.sort((a, b) => a.index - b.index);
}

/** Signs the demo accounts in and creates `count` schools with their signed-in users. */
export async function seedPeople(http: HttpContext, runId: string, count: number): Promise<People> {
  const [admin, supervisor, lead] = await Promise.all([
    demoClient(http, "admin"),
    demoClient(http, "ducha"),
    demoClient(http, "xueqian"),
  ]);
  const schools = await seedSchools(http, admin, runId, count);
  return { lead, supervisor, schools };
}

/** Every item of a paged list. */
async function allPages<T>(client: Client, path: string): Promise<T[]> {
  const items: T[] = [];
  for (let page = 1; ; page++) {
    const res = await client.get(`${path}${path.includes("?") ? "&" : "?"}pageSize=200&page=${page}`);
    expectStatus(res, 200, `list ${path}`);
    const body = res.body as { items: T[]; total: number };
    items.push(...body.items);
    if (body.items.length === 0 || items.length >= body.total) return items;
  }
}

/** The assignments of a task, every page. */
export function taskAssignments<T>(client: Client, nodeId: string): Promise<T[]> {
  return allPages<T>(client, `/api/nodes/${nodeId}/assignments`);
}

/** A fresh plan for one round: published, its task assigned to every school, a cycle open. */
export async function seedScenario(runId: string, people: People): Promise<Scenario> {
  const { lead, supervisor, schools } = people;
  const draft = await supervisor.post("/api/plan-imports", { text: smallPlanText(runId) });
  expectStatus(draft, 201, "plan import");
  const { id, version } = draft.body as { id: string; version: number };
  const published = await supervisor.post(`/api/plan-imports/${id}/publish`, {
    version,
    allowDuplicate: true,
  });
  expectStatus(published, 201, "publish");
  const planId = (published.body as { planId: string }).planId;
  const plan = await supervisor.get(`/api/plans/${planId}`);
  type Node = { id: string; level: string; children: Node[] };
  const flat = (nodes: Node[]): Node[] => nodes.flatMap((n) => [n, ...flat(n.children)]);
  const task = flat((plan.body as { nodes: Node[] }).nodes).find((n) => n.level === "task");
  if (!task) throw new Error("published plan has no task");
  const assigned = await lead.post(`/api/nodes/${task.id}/assignments`, {
    unitIds: schools.map((s) => s.unitId),
    role: "executor",
  });
  expectStatus(assigned, 201, "assign");
  const cycle = await supervisor.post(`/api/plans/${planId}/cycles`, {});
  expectStatus(cycle, 201, "open cycle");
  const list = await taskAssignments<{ id: string; unit: { id: string } }>(lead, task.id);
  const byUnit = new Map(list.map((a) => [a.unit.id, a.id] as const));
  return {
    lead,
    supervisor,
    planId,
    nodeId: task.id,
    cycleId: (cycle.body as { id: string }).id,
    schools: schools.map((s) => {
      const assignmentId = byUnit.get(s.unitId);
      if (!assignmentId) throw new Error(`no assignment for unit ${s.unitId}`);
      return { ...s, assignmentId };
    }),
  };
}
