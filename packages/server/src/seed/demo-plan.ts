import fs from "node:fs";
import { and, eq } from "drizzle-orm";
import type { FastifyInstance, InjectOptions } from "fastify";
import { buildApp } from "../app.js";
import type { Database, Db } from "../db/client.js";
import { plans, tenants, units, users } from "../db/schema.js";
import type { Config } from "../env.js";
import type { Clock } from "../http/context.js";
import { createSession } from "../modules/auth/index.js";
import { recordDemoHistory, recordPlanSnapshot } from "../modules/snapshots/index.js";
import { publishDemoCityPlan } from "./demo-city.js";
import { demoReporters, demoTenants } from "./demo-data.js";
import { seedDemoForms } from "./demo-forms.js";
import {
  DEMO_STORY_END,
  type DemoActor,
  type DemoPlanIds,
  type DemoStage,
  playDemoStory,
} from "./demo-story.js";

/** The 瓦房店市教育局 2023 工作要点: the document the parser is tested against and the demo plan is made from. */
export function demoPlanText(): string {
  return fs.readFileSync(
    new URL("../../../plan-parser/src/test-fixtures/seed-2023.txt", import.meta.url),
    "utf8",
  );
}

/** A clock the seed moves through the story, so late flags, reply days and snapshots fall on their days. */
class StoryClock implements Clock {
  constructor(public at: Date) {}
  now(): Date {
    return this.at;
  }
}

/** A demo bureau's id by code, or null before the bureaus are seeded. */
async function tenantIdOf(db: Db, code: string): Promise<string | null> {
  const [row] = await db.select({ id: tenants.id }).from(tenants).where(eq(tenants.code, code));
  return row?.id ?? null;
}

/** The reporting kindergartens' 园长 accounts, with the demo password of an existing demo account. */
async function ensureReporters(db: Db, tenantId: string, unitIds: Map<string, string>): Promise<void> {
  // Every demo account has the demo password: reusing a stored hash spares an argon2 run per account.
  const [model] = await db
    .select({ passwordHash: users.passwordHash })
    .from(users)
    .where(and(eq(users.tenantId, tenantId), eq(users.login, "xicheng")));
  if (!model) throw new Error("演示账号尚未写入，无法生成演示计划");
  await db
    .insert(users)
    .values(
      demoReporters.map(([login, name, unit]) => ({
        tenantId,
        unitId: unitIds.get(unit) ?? null,
        name,
        login,
        roles: ["school" as const],
        passwordHash: model.passwordHash,
        mustChangePassword: false,
      })),
    )
    .onConflictDoNothing();
}

/** The API driven in process by signed-in demo users, each session opened on the story's clock. */
function stageOn(app: FastifyInstance, db: Db, tenantId: string, clock: StoryClock, config: Config) {
  const actor = async (login: string): Promise<DemoActor> => {
    const [user] = await db
      .select({ id: users.id })
      .from(users)
      .where(and(eq(users.tenantId, tenantId), eq(users.login, login)));
    if (!user) throw new Error(`找不到演示账号 ${login}`);
    // A session opened directly: the story jumps days, and signing in each time would cost an argon2 check.
    const session = await createSession(db, {
      tenantId,
      userId: user.id,
      ip: null,
      userAgent: "duban-demo-seed",
      now: clock.now(),
      absoluteMs: config.sessionAbsoluteMs,
    });
    return {
      async call(method, url, payload) {
        const res = await app.inject({
          method,
          url,
          headers: { cookie: `duban_session=${session.token}`, "x-csrf-token": session.csrfToken },
          ...(payload === undefined ? {} : { payload: payload as InjectOptions["payload"] }),
        });
        if (res.statusCode >= 300)
          throw new Error(`演示数据写入失败：${method} ${url} → ${res.statusCode} ${res.body}`);
        return (res.body ? res.json() : {}) as never;
      },
    };
  };
  return actor;
}

/**
 * Publishes the demo plan and plays a month and a half of its life through the API — 交办, two report cycles with
 * approved, late and missing reports, 督办单 and a reply, public sections, an issued 通报 — then records the
 * monthly history, so a leader signing in on first start sees a cockpit with figures. Runs once: a bureau that
 * already has a plan, or a server clock before the story's end, is left alone. Returns the plan's id or null.
 */
export async function seedDemoPlan(
  database: Database,
  config: Config,
  now: Date,
): Promise<DemoPlanIds | null> {
  const db = database.db;
  const tenantId = await tenantIdOf(db, demoTenants.county.code);
  if (!tenantId || now < DEMO_STORY_END) return null;
  const [existing] = await db
    .select({ id: plans.id })
    .from(plans)
    .where(eq(plans.tenantId, tenantId))
    .limit(1);
  if (existing) return null;
  const unitRows = await db
    .select({ id: units.id, name: units.name })
    .from(units)
    .where(eq(units.tenantId, tenantId));
  const unitIds = new Map(unitRows.map((u) => [u.name, u.id]));
  await ensureReporters(db, tenantId, unitIds);
  const clock = new StoryClock(now);
  // Its own app, on the story's clock and without a scheduler, a web root or a logger.
  const app = await buildApp({ database, config: { ...config, scheduler: false }, clock, webRoot: null });
  try {
    await app.ready();
    const actor = stageOn(app, db, tenantId, clock, config);
    const stage: DemoStage = {
      as: actor,
      at: (instant) => {
        clock.at = new Date(instant);
      },
      recordSnapshot: async (planId) => {
        await recordPlanSnapshot(db, { tenantId, planId, now: clock.now() });
      },
      unitId: (name) => {
        const id = unitIds.get(name);
        if (!id) throw new Error(`找不到演示单位 ${name}`);
        return id;
      },
    };
    const ids = await playDemoStory(stage, demoPlanText());
    // The city's own plan, from which its 督查室 hands task 9 down to 瓦房店.
    const cityId = await tenantIdOf(db, demoTenants.city.code);
    if (cityId) await publishDemoCityPlan(await stageOn(app, db, cityId, clock, config)("dlducha"));
    // 数据填报 behind the plan's ratios and counts, before the backfill so the monthly snapshots carry them.
    await seedDemoForms(db, { tenantId, planId: ids.planId });
    // The 1st of each earlier month, as the daily job would have recorded them, for the trend lines.
    await recordDemoHistory(database, { tenantId, now });
    return ids;
  } finally {
    await app.close();
  }
}
