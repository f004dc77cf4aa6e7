import {
  type AssessmentAppealView,
  type AssessmentResultView,
  type AssessmentView,
  menuAbilities,
} from "@duban/domain";
import { screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { Route, Routes } from "react-router";
import { describe, expect, it } from "vitest";
import { mockApi } from "../../test/api-mock";
import { signedIn } from "../../test/fixtures";
import { renderInApp } from "../../test/render";
import { AssessmentPage } from "./assessment-page";

const UNIT = { id: "unit-xc", name: "瓦房店市西城幼儿园", kind: "school" };
const school = signedIn(
  ["school"],
  menuAbilities({ userId: "user-1", tenantId: "tenant-1", unitId: UNIT.id, roles: ["school"] }),
  UNIT,
);

/** A published formal run whose appeal window the server says is open. */
function run(overrides: Partial<AssessmentView> = {}): AssessmentView {
  return {
    id: "run-1",
    planId: "plan-1",
    asOf: "2023-06-15",
    final: true,
    status: "published",
    appealUntil: "2023-06-20",
    publishedAt: "2023-06-15T02:00:00.000Z",
    finalisedAt: null,
    version: 2,
    createdAt: "2023-06-15T01:00:00.000Z",
    unitCount: 12,
    pendingAppeals: 0,
    abilities: { adjust: false, publish: false, finalise: false, delete: false, appeal: true, decide: false },
    ...overrides,
  };
}

const result: AssessmentResultView = {
  unitId: UNIT.id,
  unitName: UNIT.name,
  category: "kindergarten",
  categoryLabel: "幼儿园",
  total: 96,
  rank: 3,
  categorySize: 12,
  grade: "良好",
  vetoed: false,
  gradeNote: null,
  breakdown: [
    {
      itemKey: "notices",
      item: "督办响应",
      kind: "supervision",
      points: 13,
      maxPoints: 15,
      facts: [{ text: "黄色督办单 WFD-2023-007", points: -2, link: { kind: "notice", id: "notice-7" } }],
    },
    {
      itemKey: "bonus",
      item: "加减分",
      kind: "manual",
      points: -4,
      maxPoints: 0,
      facts: [{ text: "发生一般安全责任事故", points: -4 }],
    },
  ],
};

function renderPage(answer: Parameters<typeof mockApi>[0]) {
  const sent = mockApi(answer);
  renderInApp(
    <Routes>
      <Route path="/assessments/:id" element={<AssessmentPage />} />
    </Routes>,
    { path: "/assessments/run-1", me: school },
  );
  return sent;
}

function answers(theRun: AssessmentView, appeals: AssessmentAppealView[] = []) {
  return (r: { method: string; url: string }) => {
    if (r.method === "POST")
      return { status: 201, body: { ...appealOf("pending"), reason: "事故系第三方施工造成" } };
    const page = { page: 1, pageSize: 20, abilities: {} };
    if (r.url.includes("/results?")) return { status: 200, body: { ...page, items: [result], total: 1 } };
    if (r.url.includes("/appeals?"))
      return { status: 200, body: { ...page, items: appeals, total: appeals.length } };
    return { status: 200, body: theRun };
  };
}

function appealOf(status: AssessmentAppealView["status"]): AssessmentAppealView {
  return {
    id: "appeal-1",
    assessmentId: "run-1",
    unitId: UNIT.id,
    unitName: UNIT.name,
    reason: "事故系第三方施工造成",
    fileIds: [],
    status,
    decisionReason: status === "pending" ? null : "经核实，核减扣分 3 分。",
    decidedAt: status === "pending" ? null : "2023-06-16T02:00:00.000Z",
    createdAt: "2023-06-15T03:00:00.000Z",
  };
}

describe("a unit's own 考评 result", () => {
  it("shows its total, its place in the category, the grade and the facts linked to their records", async () => {
    renderPage(answers(run()));
    expect(await screen.findByText("第 3 名 / 共 12 所")).toBeTruthy();
    expect(screen.getByText("良好")).toBeTruthy();
    expect(screen.getByText("13 / 15")).toBeTruthy();
    expect(screen.getByText("合计 96 分")).toBeTruthy();
    expect(screen.getByRole("link", { name: "黄色督办单 WFD-2023-007" }).getAttribute("href")).toBe(
      "/notices/notice-7",
    );
  });

  it("sends an appeal with its reason after confirmation, within the window", async () => {
    const sent = renderPage(answers(run()));
    expect(await screen.findByText(/请在 2023-06-20 前提出申诉/)).toBeTruthy();
    const user = userEvent.setup({ delay: null });
    await user.type(screen.getByLabelText("申诉理由"), "事故系第三方施工造成");
    await user.click(screen.getByRole("button", { name: "提交申诉" }));
    await user.click(await screen.findByRole("button", { name: "提交" }));
    expect(await screen.findByText("申诉已提交，请等待督查室答复")).toBeTruthy();
    expect(sent.filter((s) => s.method === "POST")).toEqual([
      {
        method: "POST",
        url: "/api/assessments/run-1/appeals",
        body: { reason: "事故系第三方施工造成", fileIds: [] },
      },
    ]);
  });

  it("says the window has closed, with no form, once the server no longer allows an appeal", async () => {
    renderPage(answers(run({ abilities: { ...run().abilities, appeal: false } })));
    expect(await screen.findByText("申诉期已于 2023-06-20 截止，本单位未提出申诉。")).toBeTruthy();
    expect(screen.queryByLabelText("申诉理由")).toBeNull();
  });

  it("shows its appeal's decision instead of the form", async () => {
    renderPage(answers(run({ abilities: { ...run().abilities, appeal: false } }), [appealOf("accepted")]));
    expect(await screen.findByText("已采纳")).toBeTruthy();
    expect(screen.getByText("经核实，核减扣分 3 分。")).toBeTruthy();
    expect(screen.queryByRole("button", { name: "提交申诉" })).toBeNull();
  });
});
