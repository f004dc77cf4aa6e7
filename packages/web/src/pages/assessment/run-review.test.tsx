import type { AssessmentResultView, AssessmentView } from "@duban/domain";
import { fireEvent, screen, waitFor } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { mockApi, type SentRequest } from "../../test/api-mock";
import { renderInApp } from "../../test/render";
import { RunReview } from "./run-review";

const abilities = {
  adjust: false,
  publish: false,
  finalise: false,
  delete: false,
  appeal: false,
  decide: false,
};

/** A formal run of plan-1 as of 2023-06-15, two kindergartens assessed. */
function run(overrides: Partial<AssessmentView> = {}): AssessmentView {
  return {
    id: "run-1",
    planId: "plan-1",
    asOf: "2023-06-15",
    final: true,
    status: "draft",
    appealUntil: null,
    publishedAt: null,
    finalisedAt: null,
    version: 3,
    createdAt: "2023-06-15T01:00:00.000Z",
    unitCount: 2,
    pendingAppeals: 0,
    abilities,
    ...overrides,
  };
}

function row(unitName: string, rank: number, total: number, grade: string): AssessmentResultView {
  return {
    unitId: `unit-${rank}`,
    unitName,
    category: "kindergarten",
    categoryLabel: "幼儿园",
    total,
    rank,
    categorySize: 2,
    grade,
    vetoed: false,
    gradeNote: null,
    breakdown: [],
  };
}

function answer(r: SentRequest) {
  if (r.method === "POST") return { status: 200, body: run({ status: "published", version: 4 }) };
  const page = { page: 1, pageSize: 200, abilities: {} };
  if (r.url.includes("/results?"))
    return {
      status: 200,
      body: {
        ...page,
        total: 2,
        items: [row("瓦房店市西城幼儿园", 2, 96, "良好"), row("瓦房店市第二幼儿园", 1, 98, "优秀")],
      },
    };
  return { status: 200, body: { ...page, total: 0, items: [] } };
}

describe("RunReview", () => {
  it("ranks each category best first and publishes a draft formal run at its version after confirmation", async () => {
    const sent = mockApi(answer);
    renderInApp(<RunReview run={run({ abilities: { ...abilities, publish: true, adjust: true } })} />);
    expect(await screen.findByRole("tab", { name: "幼儿园（2）" })).toBeTruthy();
    const rows = screen.getAllByRole("row").filter((r) => r.textContent?.includes("幼儿园"));
    expect(rows.map((r) => r.textContent)).toEqual([
      "1瓦房店市第二幼儿园98优秀",
      "2瓦房店市西城幼儿园96良好",
    ]);
    fireEvent.click(screen.getByText("发布"));
    expect(await screen.findByText(/发布后各单位可查看本单位结果/)).toBeTruthy();
    fireEvent.click(screen.getAllByText("发布").at(-1)!);
    await waitFor(() =>
      expect(sent.filter((s) => s.method === "POST")).toEqual([
        { method: "POST", url: "/api/assessments/run-1/publish", body: { version: 3 } },
      ]),
    );
  });

  it("holds 定档 while appeals are pending, saying how many", async () => {
    mockApi(answer);
    renderInApp(
      <RunReview
        run={run({
          status: "published",
          appealUntil: "2023-06-20",
          pendingAppeals: 1,
          abilities: { ...abilities, finalise: true, decide: true },
        })}
      />,
    );
    const finalise = await screen.findByRole("button", { name: "定档（还有 1 件申诉待处理）" });
    expect((finalise as HTMLButtonElement).disabled).toBe(true);
    expect(screen.queryByText("发布")).toBeNull();
    expect(screen.getByText("申诉（待处理 1）")).toBeTruthy();
  });
});
