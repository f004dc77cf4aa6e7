import { autoRoundDeadline, shanghaiDate } from "@duban/domain";
import type { DbOrTx } from "../../db/client.js";
import { AppError } from "../../errors.js";
import type { ServiceContext } from "../../http/context.js";
import type { CycleRow } from "../cycles/index.js";
import { resolveAudience } from "./form-audience.js";
import { sendRound } from "./form-rounds.service.js";
import * as repo from "./forms.repository.js";

/**
 * 每个填报周期自动发放: when a cycle of a plan opens, every active form of the plan with the setting gets its round
 * for the cycle, named as the cycle, through the same path as a round sent by hand. The setting was authorised
 * when a manager of the form saved it, so the person opening the cycle needs no right over each form. Idempotent:
 * a form that already has the cycle's round is skipped. A form whose audience no longer resolves (every unit or
 * group disabled) refuses the opening, naming the form, rather than leaving its units silently without a round.
 */
export async function sendCycleRounds(ctx: ServiceContext, tx: DbOrTx, cycle: CycleRow): Promise<void> {
  const today = shanghaiDate(ctx.clock.now());
  for (const form of await repo.findAutoRoundForms(tx, ctx.actor.tenantId, cycle.planId)) {
    const setting = form.autoRound!;
    const unitIds = await resolveAudience(ctx, tx, setting).catch((e: unknown) => {
      if (!(e instanceof AppError)) throw e;
      throw new AppError(
        "conflict",
        `填报表“${form.title}”的自动发放对象已失效（${e.message}），请先修改该填报表的自动发放设置`,
      );
    });
    const deadline = autoRoundDeadline(setting.deadline, cycle, today);
    await sendRound(ctx, tx, { form, round: { name: cycle.name, deadline, cycleId: cycle.id }, unitIds });
  }
}
