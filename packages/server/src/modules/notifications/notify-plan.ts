import { defaultNotificationMode, type NotificationMode, notificationKindOf } from "@duban/domain";
import { type Placeholder, type SQL, sql } from "drizzle-orm";
import type { deliveries, notifications } from "../../db/schema.js";
import { type ChannelSettingRef, deliveryRows } from "../../notify/enqueue.js";
import { digestDayOf } from "./digest-day.js";
import { type NotifyInput, robotUnitOf } from "./notify.js";
import type { Person } from "./recipients.repository.js";

/**
 * `notify` for a step that writes in one statement: the audience is read with the step's other reads, the rows
 * are planned here, and the step's statement inserts them (`notifyParts`). The outcome is `notify`'s: each
 * recipient's bell once per dedupe key, pushes per each one's preference, nothing pushed for a replayed step.
 */

/** The enabled users a step may tell, with the mode each chose per kind, and the tenant's enabled channels. */
export interface Audience {
  people: (Person & { modes: Partial<Record<string, NotificationMode>> | null })[];
  settings: ChannelSettingRef[];
}

/** A planned delivery, queued only if one of `needs` (user ids) is newly told. */
type PlannedDelivery = Omit<typeof deliveries.$inferInsert, "nextAttemptAt"> & {
  nextAttemptAt: Date;
  needs: string[];
};

/** What a step's statement inserts for its notification. */
export interface NotifyPlan {
  notifications: (typeof notifications.$inferInsert)[];
  deliveries: PlannedDelivery[];
}

/**
 * The audience as a json value, for a step's read: users of the tenant matching `who` (a condition on the alias
 * `nu`), each with the modes chosen per kind, and the enabled channel settings matching `settingsWhere` (on `cs`).
 */
export function audienceJson(tenantId: SQL | Placeholder, who: SQL, settingsWhere: SQL): SQL {
  return sql`json_build_object(
    'people', coalesce((select json_agg(json_build_object('id', "nu"."id", 'email', "nu"."email",
        'unitId', "nu"."unit_id", 'modes', (select json_object_agg("np"."kind", "np"."mode")
          from "notification_preferences" "np" where "np"."tenant_id" = ${tenantId} and "np"."user_id" = "nu"."id")))
      from "users" "nu" where "nu"."tenant_id" = ${tenantId} and "nu"."enabled" and ${who}), '[]'::json),
    'settings', coalesce((select json_agg(json_build_object('id', "cs"."id", 'kind', "cs"."kind",
        'unitId', "cs"."unit_id", 'config', "cs"."config"))
      from "channel_settings" "cs" where "cs"."tenant_id" = ${tenantId} and "cs"."enabled" and ${settingsWhere}),
      '[]'::json))`;
}

/** Plans the notification of `input` to the audience: the bell rows, and the pushes owed if they are new. */
export function planNotify(input: NotifyInput, audience: Audience): NotifyPlan {
  const { tenantId, now } = input;
  const prefKind = notificationKindOf(input.kind);
  const modeOf = (p: Audience["people"][number]): NotificationMode =>
    (prefKind && p.modes?.[prefKind]) || defaultNotificationMode;
  const people = audience.people;
  const rows = people.map((p) => {
    const mode = modeOf(p);
    return {
      tenantId,
      userId: p.id,
      kind: input.kind,
      title: input.title,
      body: input.body ?? "",
      link: input.link,
      entity: input.entity,
      entityId: input.entityId,
      dedupeKey: input.dedupeKey,
      pushState: mode === "digest" ? "digest" : mode === "push" && input.grouped ? "group" : null,
      digestDay: mode === "digest" ? digestDayOf(now) : null,
    } satisfies typeof notifications.$inferInsert;
  });
  const pushed = input.grouped ? [] : people.filter((p) => modeOf(p) === "push");
  if (pushed.length === 0) return { notifications: rows, deliveries: [] };
  const unitId = input.robotUnitId !== undefined ? input.robotUnitId : robotUnitOf(input.recipients, pushed);
  const queued = deliveryRows(audience.settings, {
    tenantId,
    unitId,
    emails: pushed.flatMap((p) => (p.email ? [p.email] : [])),
    message: { title: input.title, text: input.body || input.title },
    now,
  });
  // A robot speaks when anyone pushed to is newly told; an email goes out when its owner is.
  const everyone = pushed.map((p) => p.id);
  return {
    notifications: rows,
    deliveries: queued.map((d) => ({
      ...d,
      nextAttemptAt: d.nextAttemptAt as Date,
      needs: d.channel === "email" ? pushed.filter((p) => p.email === d.target).map((p) => p.id) : everyone,
    })),
  };
}

/** The plan as the statement's parameters (json documents). */
export function notifyParams(plan: NotifyPlan): { notifications: string; deliveries: string } {
  return { notifications: JSON.stringify(plan.notifications), deliveries: JSON.stringify(plan.deliveries) };
}

/**
 * The statement parts that insert a plan given as the placeholders `notifications` and `deliveries`, once the
 * part `guard` has a row (the step's own write went through): `told` lists the users newly told.
 */
export function notifyParts(guard: string): [string, SQL][] {
  return [
    [
      "told",
      sql`insert into "notifications" ("tenant_id", "user_id", "kind", "title", "body", "link", "entity",
          "entity_id", "dedupe_key", "push_state", "digest_day")
        select n."tenantId", n."userId", n."kind", n."title", n."body", n."link", n."entity", n."entityId",
          n."dedupeKey", n."pushState", n."digestDay"
        from jsonb_to_recordset(${sql.placeholder("notifications")}::jsonb) as n("tenantId" uuid, "userId" uuid,
          "kind" text, "title" text, "body" text, "link" text, "entity" text, "entityId" uuid, "dedupeKey" text,
          "pushState" text, "digestDay" text)
        where exists (select 1 from ${sql.identifier(guard)})
        on conflict do nothing
        returning "user_id"`,
    ],
    [
      "queued",
      sql`insert into "deliveries" ("tenant_id", "setting_id", "channel", "target", "payload", "next_attempt_at")
        select d."tenantId", d."settingId", d."channel", d."target", d."payload", d."nextAttemptAt"
        from jsonb_to_recordset(${sql.placeholder("deliveries")}::jsonb) as d("tenantId" uuid, "settingId" uuid,
          "channel" text, "target" text, "payload" jsonb, "nextAttemptAt" timestamptz, "needs" uuid[])
        where exists (select 1 from "told" where "told"."user_id" = any(d."needs"))
        returning 1`,
    ],
  ];
}
