// Test helpers live beside the fixtures so the package build (which excludes test-fixtures/) never ships them.
import { readFileSync } from "node:fs";
import { parsePlan } from "../index.js";
import type { Milestone, PlanDraft, PlanNode, Target } from "../types.js";

/** The text of a fixture document in src/test-fixtures. */
export function fixture(name: string): string {
  return readFileSync(new URL(`./${name}`, import.meta.url), "utf8");
}

/** Parses a fixture document. */
export function parseFixture(name: string): { text: string; draft: PlanDraft } {
  const text = fixture(name);
  return { text, draft: parsePlan(text) };
}

/** Every node of the tree in document order. */
export function flatNodes(nodes: PlanNode[]): PlanNode[] {
  return nodes.flatMap((n) => [n, ...flatNodes(n.children)]);
}

/** Every task node in document order. */
export function tasksOf(draft: PlanDraft): PlanNode[] {
  return flatNodes(draft.nodes).filter((n) => n.level === "task");
}

/** Every target in the tree (preamble excluded), in document order. */
export function targetsOf(draft: PlanDraft): Target[] {
  return flatNodes(draft.nodes).flatMap((n) => n.targets);
}

/** Every milestone in the tree, in document order. */
export function milestonesOf(draft: PlanDraft): Milestone[] {
  return flatNodes(draft.nodes).flatMap((n) => n.milestones);
}

/** The targets of a one-task plan built around `sentence`, for target-rule tests. */
export function targetsIn(sentence: string, year = 2024): Target[] {
  return targetsOf(parsePlan(`某市教育局${year}年工作要点\n1.测试任务。${sentence}`));
}

/** The milestones of a one-task plan built around `sentence`. */
export function milestonesIn(sentence: string, year = 2024): Milestone[] {
  return milestonesOf(parsePlan(`某市教育局${year}年工作要点\n1.测试任务。${sentence}`));
}
