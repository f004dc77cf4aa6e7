import type { Form, FormRound, FormSubmission } from "@duban/domain";
import { expect } from "vitest";
import type { PublishedPlan } from "../../test/plan-fixtures.js";
import type { TestSession } from "../../test/session.js";

// Steps the forms tests share: a kindergarten form defined by the 学前教育科 and sent to both kindergartens.

/** The fields of the test form: children in the kindergarten, of them in public classes, and whether it is 普惠. */
export const kindergartenFields = [
  { key: "children", label: "在园幼儿数", type: "integer", required: true, min: 0, max: 5000, unit: "人" },
  { key: "publicChildren", label: "公办在园幼儿数", type: "integer", required: false, min: 0 },
  { key: "inclusive", label: "是否普惠", type: "boolean", required: false },
] as const;

/** The cross-field rule of the test form. */
export const kindergartenRules = [
  { source: "公办在园幼儿数 <= 在园幼儿数", message: "公办在园幼儿数不能多于在园幼儿数" },
];

/** Expects the status and returns the body. */
export async function ok<T>(res: Promise<{ statusCode: number; body: string }>, status = 200): Promise<T> {
  const r = await res;
  expect(r.statusCode, r.body).toBe(status);
  return (r.body ? JSON.parse(r.body) : {}) as T;
}

/** Expects a refusal with its status, code and message, and returns its details. */
export async function refused(
  res: Promise<{ statusCode: number; body: string }>,
  status: number,
  code: string,
  message?: string,
): Promise<unknown> {
  const r = await res;
  const body = JSON.parse(r.body) as { error: { code: string; message: string; details?: unknown } };
  expect([r.statusCode, body.error.code], r.body).toEqual([status, code]);
  if (message !== undefined) expect(body.error.message).toBe(message);
  return body.error.details;
}

/** The 学前教育科 defines the kindergarten form on the plan. */
export async function defineForm(p: PublishedPlan, by: TestSession = p.lead): Promise<Form> {
  return ok<Form>(
    by.post(`/api/plans/${p.planId}/forms`, {
      title: "幼儿园基本情况统计表",
      fields: kindergartenFields,
      rules: kindergartenRules,
      ...(by === p.lead ? {} : { ownerUnitId: p.preschool.id }),
    }),
    201,
  );
}

/** Sends the form to both kindergartens with a deadline at the end of June. */
export async function sendToKindergartens(p: PublishedPlan, formId: string, deadline = "2023-06-30") {
  return ok<FormRound>(
    p.lead.post(`/api/forms/${formId}/rounds`, {
      name: "2023年6月",
      deadline,
      unitIds: [p.kindergarten.id, p.secondKindergarten.id],
    }),
    201,
  );
}

/** A form sent to both kindergartens, with each kindergarten's submission id. */
export async function sentForm(p: PublishedPlan, deadline?: string) {
  const form = await defineForm(p);
  const round = await sendToKindergartens(p, form.id, deadline);
  const submissionOf = (unitId: string) => round.units.find((u) => u.unit.id === unitId)!.submissionId;
  return {
    form,
    round,
    mine: submissionOf(p.kindergarten.id),
    theirs: submissionOf(p.secondKindergarten.id),
  };
}

/** The unit saves values and submits them; returns the submitted submission. */
export async function fillAndSubmit(
  s: TestSession,
  id: string,
  values: Record<string, unknown>,
): Promise<FormSubmission> {
  const current = await ok<FormSubmission>(s.get(`/api/form-submissions/${id}`));
  const saved = await ok<FormSubmission>(
    s.put(`/api/form-submissions/${id}`, { values, version: current.version }),
  );
  return ok<FormSubmission>(s.post(`/api/form-submissions/${id}/submit`, { version: saved.version }));
}
