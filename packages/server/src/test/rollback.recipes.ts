import type { PlanDetail } from "@duban/domain";
import { and, eq } from "drizzle-orm";
import type { Db } from "../db/client.js";
import { extensionRequests } from "../db/schema.js";
import { buildUser, TEST_PASSWORD, uniq } from "./factories.js";
import { setDueInDays } from "./notice-fixtures.js";
import { flattenTree } from "./plan-fixtures.js";
import type { RecipeContext } from "./rollback.prepare.js";
import {
  expectStatus,
  freshBulletin,
  freshImport,
  freshPlan,
  freshUnit,
  pendingExtension,
  reportVersion,
  shortPlan,
} from "./rollback.prepare.js";
import type { SuccessRecipe } from "./rollback.recipe-types.js";
import { cascadeFurtherSuccess, cascadeRecipes } from "./rollback.recipes-cascade.js";
import { cascadeNoticeRecipes } from "./rollback.recipes-cascade-notices.js";
import { featureRecipes } from "./rollback.recipes-features.js";
import { buildXlsx, png } from "./upload.js";

export type { Prepared, SuccessRecipe } from "./rollback.recipe-types.js";

/** Recipes by route, as `METHOD /api/path/:param`. */
/** The fixture's report awaits review: the lead department returns it, so its unit may file it again. */
async function returnFixtureReport({ tenant }: RecipeContext) {
  const report = await reportVersion(tenant);
  const res = await tenant.sessions.department.post(`/api/reports/${tenant.ids.report}/review`, {
    decision: "return",
    reason: "请补充佐证材料",
    version: report,
  });
  return { version: expectStatus<{ version: number }>(res, 200).version };
}

export const recipes: Record<string, SuccessRecipe> = {
  // Archiving changes the plan other routes work on: each takes a plan of its own (taken back: one archived).
  "POST /api/plans/:id/archive": { prepare: async (ctx) => ({ ids: { plan: await freshPlan(ctx) } }) },
  "POST /api/plans/:id/unarchive": {
    prepare: async (ctx) => {
      const plan = await freshPlan(ctx);
      const read = await ctx.tenant.sessions.supervisor.get(`/api/plans/${plan}`);
      const archived = await ctx.tenant.sessions.supervisor.post(`/api/plans/${plan}/archive`, {
        version: expectStatus<{ version: number }>(read, 200).version,
      });
      expectStatus(archived, 200);
      return { ids: { plan } };
    },
  },
  // Disabling the fixture's kindergarten would refuse every later call that names it.
  "PUT /api/units/:id/enabled": { prepare: async (ctx) => ({ ids: { unit: await freshUnit(ctx) } }) },
  // The matrix's sheet lacks the template's columns; this one is the template filled in.
  "POST /api/units/import": {
    role: "admin",
    upload: async () => ({
      name: "单位.xlsx",
      content: await buildXlsx(
        "单位",
        ["名称", "类型", "学校类型", "办学性质", "乡镇/街道", "编码"],
        [
          [`回滚科室${uniq()}`, "科室", "", "", "", ""],
          [`回滚幼儿园${uniq()}`, "学校", "幼儿园", "公办", "", ""],
        ],
      ),
    }),
  },
  "POST /api/users/import": {
    role: "admin",
    upload: async () => ({
      name: "用户.xlsx",
      content: await buildXlsx(
        "用户",
        ["姓名", "账号", "手机号", "邮箱", "所属单位", "角色", "初始密码"],
        [
          ["回滚一", `rb${uniq()}`, "", "", "", "局领导", "Duban@2024"],
          ["回滚二", `rb${uniq()}`, "", "", "", "督查室", "Duban@2024"],
        ],
      ),
    }),
  },
  // The matrix uploads a picture, refused as no plan document.
  "POST /api/plan-imports/upload": {
    role: "supervisor",
    upload: async () => ({ name: "要点.txt", type: "text/plain", content: Buffer.from(shortPlan()) }),
  },
  // Publishing and discarding each end a draft: each gets its own.
  "POST /api/plan-imports/:id/publish": {
    prepare: async (ctx) => ({ ids: { planImport: (await freshImport(ctx)).id } }),
  },
  "POST /api/plan-imports/:id/discard": {
    prepare: async (ctx) => ({ ids: { planImport: (await freshImport(ctx)).id } }),
  },
  // A unit not yet assigned: assigning the fixture's again changes nothing but the audit log.
  "POST /api/nodes/:nodeId/assignments": {
    prepare: async (ctx) => ({ body: { unitIds: [await freshUnit(ctx)], role: "executor" } }),
  },
  // The other kindergarten's assignment: the fixture's own is reported on and asked to be extended below.
  "POST /api/assignments/:id/remove": {
    prepare: async ({ tenant }) => ({ ids: { assignment: tenant.otherIds.assignment! } }),
  },
  // The fixture's plan has its cycle open already, and the reports below need it open.
  "POST /api/plans/:id/cycles": {
    role: "supervisor",
    prepare: async (ctx) => ({ ids: { plan: await freshPlan(ctx) } }),
  },
  "POST /api/cycles/:id/close": {
    prepare: async (ctx) => {
      const plan = await freshPlan(ctx);
      const res = await ctx.tenant.sessions.supervisor.post(`/api/plans/${plan}/cycles`, {});
      return { ids: { cycle: expectStatus(res, 201).id } };
    },
  },
  // The settings carry their own version (0 while the defaults stand), not the plan's.
  "PUT /api/plans/:id/reminder-settings": {
    prepare: async ({ tenant }) => {
      const res = await tenant.sessions.supervisor.get(`/api/plans/${tenant.ids.plan}/reminder-settings`);
      return { version: expectStatus<{ version: number }>(res, 200).version };
    },
  },
  // The 文号 prefixes carry their own version (0 while the defaults stand).
  "PUT /api/settings/document-numbers": {
    prepare: async ({ tenant }) => {
      const res = await tenant.sessions.supervisor.get("/api/settings/document-numbers");
      return { version: expectStatus<{ version: number }>(res, 200).version };
    },
  },
  // The matrix may have saved the year already: send the version the year is at now.
  "PUT /api/work-calendar/:year": {
    prepare: async ({ tenant }) => {
      const res = await tenant.sessions.admin.get("/api/work-calendar/2030");
      return { version: expectStatus<{ version: number }>(res, 200).version };
    },
  },
  // Two items overdue and without a notice, so the scan raises more than one (each in its own transaction).
  "POST /api/notices/scan": {
    prepare: async (ctx) => {
      const plan = await freshPlan(ctx);
      const detail = expectStatus<PlanDetail>(
        await ctx.tenant.sessions.supervisor.get(`/api/plans/${plan}`),
        200,
      );
      const task = flattenTree(detail.nodes).find((n) => n.level === "task")!;
      const units = [await freshUnit(ctx), await freshUnit(ctx)];
      const nodeUrl = `/api/nodes/${task.id}/assignments`;
      expectStatus(
        await ctx.tenant.sessions.supervisor.post(nodeUrl, { unitIds: units, role: "executor" }),
        201,
      );
      const page = expectStatus<{ items: { id: string }[] }>(
        await ctx.tenant.sessions.supervisor.get(nodeUrl),
        200,
      );
      for (const a of page.items) await setDueInDays(ctx.t, a.id, -30);
      return {};
    },
  },
  // Bytes not yet stored, so the replays show what a failed upload leaves in the file store.
  "POST /api/files": {
    upload: async () => ({
      name: "照片.png",
      type: "image/png",
      content: Buffer.concat([png, Buffer.from(uniq())]),
    }),
  },
  // The fixture's report awaits review: the lead department returns it, and the unit files it again.
  "POST /api/assignments/:id/reports": { prepare: returnFixtureReport },
  // The same, with a new photo in the form; bytes not yet stored, as for POST /api/files.
  "POST /api/assignments/:id/reports/with-files": {
    prepare: returnFixtureReport,
    upload: async () => ({
      name: "现场照片.png",
      type: "image/png",
      content: Buffer.concat([png, Buffer.from(uniq())]),
    }),
  },
  // One request may be pending at a time: the fixture's is settled first, straight in the database.
  "POST /api/extensions": {
    role: "school",
    prepare: async ({ t, tenant }) => {
      await (t.database.db as Db)
        .update(extensionRequests)
        .set({ status: "refused", refusalReason: "回滚测试" })
        .where(
          and(
            eq(extensionRequests.tenantId, tenant.tenantId),
            eq(extensionRequests.assignmentId, tenant.ids.assignment),
          ),
        );
      return {};
    },
  },
  // The request pending on the fixture's assignment (the one just made, when the route above ran).
  "POST /api/extensions/:id/decision": {
    prepare: async (ctx) => ({ ids: { extension: (await pendingExtension(ctx, ["pending_lead"])).id } }),
  },
  // Deleting and issuing each end a draft: each gets its own, so the matrix's stays a draft for the others.
  "DELETE /api/bulletins/:id": {
    prepare: async (ctx) => ({ ids: { bulletin: (await freshBulletin(ctx)).id } }),
  },
  "POST /api/bulletins/:id/issue": {
    prepare: async (ctx) => ({ ids: { bulletin: (await freshBulletin(ctx)).id } }),
  },
  ...featureRecipes,
  ...cascadeRecipes,
  ...cascadeNoticeRecipes,
  // The matrix signs in with a wrong password; the success is a real user's.
  "POST /api/auth/login": {
    anonymous: true,
    prepare: async ({ t, tenant }) => {
      const user = await buildUser(t.database.db as Db, { tenantId: tenant.tenantId, role: "leader" });
      return { body: { login: user.login, password: TEST_PASSWORD } };
    },
  },
};

/**
 * Further successes of routes whose richest path is not the one above: each runs as a test of its own, after
 * the route's own.
 */
export const furtherSuccesses: { route: string; label: string; recipe: SuccessRecipe }[] = [
  cascadeFurtherSuccess,
  {
    route: "POST /api/extensions/:id/decision",
    label: "the 督查室's final approval, which moves the assignment's due date",
    recipe: {
      role: "supervisor",
      prepare: async (ctx) => {
        let pending = await pendingExtension(ctx, ["pending_lead", "pending_supervisor"]);
        if (pending.status === "pending_lead") {
          const url = `/api/extensions/${pending.id}/decision`;
          const body = { decision: "approve", version: pending.version };
          expectStatus(await ctx.tenant.sessions.department.post(url, body), 200);
          pending = await pendingExtension(ctx, ["pending_supervisor"]);
        }
        return { ids: { extension: pending.id } };
      },
    },
  },
];

const storedBytes =
  "the bytes are stored (content-addressed, by sha256) before the row that names them; bytes no row names " +
  "are harmless and serve the next upload of the same file, while deleting them could pull them from under " +
  "a parallel upload of the same file";

/**
 * Write routes that keep part of their work when a later statement fails, on purpose, each with its reason and
 * the tables it may leave changed. Their replays still run; every other table must be as it was.
 */
export const keepsPartialWork: { route: string; tables: string[]; why: string }[] = [
  {
    route: "POST /api/notices/scan",
    tables: [
      "supervision_notices",
      "notice_events",
      "notifications",
      "document_number_sequences",
      "search_entries",
      "data_versions",
    ],
    why:
      "each notice is raised, upgraded or closed whole in its own transaction (notice, its 文号, event, " +
      "notification and search entry together, and the tenant's data version moves with it), so one failing item does not undo the others; the scan is idempotent, and the next run " +
      "(the scheduler's or the next click) finishes the rest",
  },
  {
    route: "POST /api/auth/login",
    tables: ["login_failures"],
    why:
      "the attempt slot is taken in its own statement before the password is checked, so simultaneous guesses " +
      "cannot outrun the lock; a sign-in that fails after it counts as a failed attempt until a success clears it",
  },
  {
    route: "POST /api/plan-imports/upload",
    tables: ["files on disk"],
    why: storedBytes,
  },
  { route: "POST /api/files", tables: ["files on disk"], why: storedBytes },
  {
    route: "POST /api/assignments/:id/reports/with-files",
    tables: ["files on disk", "files", "audit_logs"],
    why:
      "each new file is recorded (its row and audit row, under the unit's quota) before the report is written, " +
      "as an upload before a save; when the report's write then fails, the files stay the unit's uploads, to " +
      "attach again without sending them once more",
  },
  {
    route: "POST /api/auth/change-password",
    tables: ["login_failures"],
    why:
      "the current password is checked against the sign-in attempt slots: the slot is taken in its own " +
      "statement before the check, so parallel guesses each see it, and it stays taken (one failed attempt) " +
      "until a success clears it",
  },
];
