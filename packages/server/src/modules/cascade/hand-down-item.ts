import type { HandDownCreateInput } from "@duban/domain";
import { invalid } from "../../errors.js";
import type { ServiceContext } from "../../http/context.js";
import { type findNodeIndicators, findNodeMeasures } from "../plans/index.js";

type NodeIndicator = Awaited<ReturnType<typeof findNodeIndicators>>[number];

/** What one hand-down carries: the item's ids, its title and text, and the indicators that become its targets. */
export interface HandDownItem {
  measureId: string | null;
  indicatorId: string | null;
  title: string;
  text: string;
  indicators: NodeIndicator[];
}

/** A measure's title: its first sentence, kept short enough to name it in a list. */
function measureTitle(text: string): string {
  const first = text.split("。")[0]!.trim() || text.trim();
  return first.length > 40 ? `${first.slice(0, 40)}…` : first;
}

/**
 * The item a hand-down request names on a node: the whole task (its text and every indicator), one measure (its
 * text, no targets) or one indicator (the task's text, that indicator alone as the target). An id that is not the
 * node's is refused (400) like any other field that does not fit.
 */
export async function handDownItem(
  ctx: ServiceContext,
  opts: {
    node: { id: string; title: string; text: string };
    indicators: NodeIndicator[];
    input: HandDownCreateInput;
  },
): Promise<HandDownItem> {
  const { node, indicators, input } = opts;
  if (input.indicatorId) {
    const one = indicators.find((i) => i.id === input.indicatorId);
    if (!one) throw invalid([{ path: "indicatorId", message: "该指标不属于这项任务" }]);
    return { measureId: null, indicatorId: one.id, title: one.name, text: node.text, indicators: [one] };
  }
  if (input.measureId) {
    const measures = await findNodeMeasures(ctx.database.db, ctx.actor.tenantId, node.id);
    const one = measures.find((m) => m.id === input.measureId);
    if (!one) throw invalid([{ path: "measureId", message: "该措施不属于这项任务" }]);
    return {
      measureId: one.id,
      indicatorId: null,
      title: measureTitle(one.text),
      text: one.text,
      indicators: [],
    };
  }
  return { measureId: null, indicatorId: null, title: node.title, text: node.text, indicators };
}
