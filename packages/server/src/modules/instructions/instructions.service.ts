import {
  canSeeInstruction,
  type Instruction,
  type InstructionCreateInput,
  type InstructionPage,
  type InstructionQuery,
  instructionAbilities,
  instructionListAbilities,
  instructionPermissions,
  instructionStatusLabels,
  instructionStatusOf,
  type MyInstructionPage,
  nextInstructionStatus,
  notificationLinks,
  type PageQuery,
  pageFrom,
  seesAllInstructions,
} from "@duban/domain";
import { AppError, invalid, notFound } from "../../errors.js";
import { authorize } from "../../http/authorize.js";
import type { ServiceContext } from "../../http/context.js";
import { audit } from "../audit/index.js";
import { notify, notifyUnit } from "../notifications/index.js";
import { findUnit } from "../units/index.js";
import * as repo from "./instructions.repository.js";

/** The API shape of an instruction. */
function toInstruction(ctx: ServiceContext, d: repo.InstructionDetail): Instruction {
  const r = d.instruction;
  const status = instructionStatusOf(r);
  return {
    id: r.id,
    leader: { id: r.leaderId, name: d.leaderName },
    entity: r.entity,
    entityId: r.entityId,
    unit: { id: r.unitId, name: d.unitName },
    text: r.text,
    state: instructionStatusLabels[status],
    acknowledgedAt: r.acknowledgedAt?.toISOString() ?? null,
    createdAt: r.createdAt.toISOString(),
    abilities: instructionAbilities(ctx.actor, { unitId: r.unitId, status }),
  };
}

/** The unit the instruction goes to: the one named, else the item's own responsible unit. */
async function responsibleUnit(ctx: ServiceContext, input: InstructionCreateInput) {
  const db = ctx.database.db;
  const owner = await repo.findEntityUnit(db, ctx.actor.tenantId, input.entity, input.entityId);
  if (!owner) throw notFound("批示对象");
  const unitId = input.unitId ?? owner.unitId;
  if (!unitId) throw invalid([{ path: "unitId", message: "该事项没有牵头单位，请指定责任单位" }]);
  const unit = await findUnit(db, ctx.actor.tenantId, unitId);
  if (!unit) throw invalid([{ path: "unitId", message: "单位不存在" }]);
  return unit;
}

/** A leader writes an instruction（批示）on an item; the responsible unit is notified and must acknowledge. */
export async function createInstruction(
  ctx: ServiceContext,
  input: InstructionCreateInput,
): Promise<Instruction> {
  authorize(instructionListAbilities(ctx.actor), "create");
  const unit = await responsibleUnit(ctx, input);
  const id = await ctx.database.db.transaction(async (tx) => {
    const row = await repo.insertInstruction(tx, {
      tenantId: ctx.actor.tenantId,
      leaderId: ctx.actor.userId,
      entity: input.entity,
      entityId: input.entityId,
      unitId: unit.id,
      text: input.text,
    });
    await notifyUnit(tx, {
      tenantId: ctx.actor.tenantId,
      unitId: unit.id,
      kind: "instruction.created",
      title: `${ctx.actor.name}作出批示，请及时签收并落实`,
      body: input.text,
      link: notificationLinks.instruction(row.id),
      entity: "instruction",
      entityId: row.id,
      dedupeKey: `instruction.created:${row.id}`,
      now: ctx.clock.now(),
    });
    await audit(ctx, tx, {
      action: "instruction.create",
      entity: "instruction",
      entityId: row.id,
      summary: { on: input.entity, entityId: input.entityId, unit: unit.name },
    });
    return row.id;
  });
  return getInstruction(ctx, id);
}

/** One instruction the actor may see, or 404. */
async function getInstructionRow(ctx: ServiceContext, id: string): Promise<repo.InstructionDetail> {
  const row = await repo.findInstruction(ctx.database.db, ctx.actor.tenantId, id);
  if (!row || !canSeeInstruction(ctx.actor, row.instruction)) throw notFound("批示");
  return row;
}

/** One instruction as the API shows it. */
export async function getInstruction(ctx: ServiceContext, id: string): Promise<Instruction> {
  return toInstruction(ctx, await getInstructionRow(ctx, id));
}

/** A page of the instructions shown on an item; a leader may write another. */
export async function findEntityInstructions(
  ctx: ServiceContext,
  query: InstructionQuery,
): Promise<InstructionPage> {
  const { entity, entityId } = query;
  const abilities = instructionListAbilities(ctx.actor);
  const ownOnly = !seesAllInstructions(ctx.actor);
  if (ownOnly && !ctx.actor.unitId) return pageFrom([], query, abilities);
  const rows = await repo.findEntityInstructions(ctx.database.db, {
    tenantId: ctx.actor.tenantId,
    entity,
    entityId,
    unitId: ownOnly ? ctx.actor.unitId : null,
  });
  return pageFrom(
    rows.map((row) => toInstruction(ctx, row)),
    query,
    abilities,
  );
}

/** A leader's own instructions and whether each has been acknowledged. */
export async function findMyInstructions(ctx: ServiceContext, query: PageQuery): Promise<MyInstructionPage> {
  authorize(instructionListAbilities(ctx.actor), "create");
  const { rows, total } = await repo.findLeaderInstructions(
    ctx.database.db,
    { tenantId: ctx.actor.tenantId, leaderId: ctx.actor.userId },
    query,
  );
  return {
    items: rows.map((row) => toInstruction(ctx, row)),
    total,
    page: query.page,
    pageSize: query.pageSize,
    abilities: instructionListAbilities(ctx.actor),
  };
}

/** The responsible unit acknowledges（签收）an instruction, once. */
export async function acknowledgeInstruction(ctx: ServiceContext, id: string): Promise<Instruction> {
  const { instruction, unitName } = await getInstructionRow(ctx, id);
  authorize(instructionPermissions(ctx.actor, instruction), "acknowledge");
  if (!nextInstructionStatus(instructionStatusOf(instruction), "acknowledge"))
    throw new AppError("conflict", "该批示已签收，无需重复签收");
  await ctx.database.db.transaction(async (tx) => {
    const done = await repo.acknowledgeInstruction(
      tx,
      { tenantId: ctx.actor.tenantId, id },
      { userId: ctx.actor.userId, at: ctx.clock.now() },
    );
    if (!done) throw new AppError("conflict", "该批示已签收，无需重复签收");
    await notify(tx, {
      tenantId: ctx.actor.tenantId,
      kind: "instruction.acknowledged",
      recipients: { userIds: [instruction.leaderId] },
      title: `${unitName}已签收您的批示`,
      body: instruction.text,
      link: notificationLinks.instruction(id),
      entity: "instruction",
      entityId: id,
      dedupeKey: `instruction.acknowledged:${id}`,
      now: ctx.clock.now(),
    });
    await audit(ctx, tx, { action: "instruction.acknowledge", entity: "instruction", entityId: id });
  });
  return getInstruction(ctx, id);
}

/** The instructions waiting for the actor's unit to 签收. */
export async function findInstructionsToAcknowledge(ctx: ServiceContext): Promise<Instruction[]> {
  const unitId = ctx.actor.unitId;
  if (!unitId) return [];
  const rows = await repo.findPendingInstructions(ctx.database.db, { tenantId: ctx.actor.tenantId, unitId });
  return rows.map((r) => toInstruction(ctx, r)).filter((i) => i.abilities.acknowledge);
}
