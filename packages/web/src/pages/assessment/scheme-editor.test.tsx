import { type AssessmentSchemeView, defaultAssessmentScheme } from "@duban/domain";
import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { errorAnswer, mockApi } from "../../test/api-mock";
import { renderInApp } from "../../test/render";
import { SchemeEditor } from "./scheme-editor";

/** The default scheme's 科室 and 幼儿园 categories. */
function scheme() {
  const full = defaultAssessmentScheme();
  return { ...full, categories: full.categories.slice(0, 2) };
}

/** The scheme of plan-1 as the server sends it before the 督查室 saves one. */
function view(overrides: Partial<AssessmentSchemeView> = {}): AssessmentSchemeView {
  return {
    planId: "plan-1",
    scheme: scheme(),
    version: 0,
    isDefault: true,
    lockedAt: null,
    abilities: { edit: true, run: true },
    ...overrides,
  };
}

const setNumber = (name: string, value: string) =>
  fireEvent.change(screen.getAllByLabelText(name)[0]!, { target: { value } });

describe("SchemeEditor", () => {
  it("shows the running sum of points against the total and saves the edited points and bands", async () => {
    const sent = mockApi((r) =>
      r.method === "PUT"
        ? { status: 200, body: view({ version: 1, isDefault: false }) }
        : { status: 200, body: view() },
    );
    renderInApp(<SchemeEditor planId="plan-1" />);
    expect(await screen.findByText("分值合计 100 / 100 分")).toBeTruthy();
    setNumber("报送纪律分值", "15");
    expect(screen.getByText("分值合计 95 / 100 分")).toBeTruthy();
    setNumber("任务完成分值", "45");
    setNumber("优秀分数线", "88");
    setNumber("优秀比例上限", "20");
    fireEvent.click(screen.getByText("保存方案"));
    expect(await screen.findByText("考评方案已保存")).toBeTruthy();
    const put = sent.find((s) => s.method === "PUT")!;
    expect(put.url).toBe("/api/plans/plan-1/assessment-scheme");
    const body = put.body as { version: number; scheme: ReturnType<typeof scheme> };
    expect(body.version).toBe(0);
    const [department, kindergarten] = body.scheme.categories;
    expect(department!.items.map((i) => i.points)).toEqual([45, 15, 15, 10, 15, 0, 0]);
    expect(department!.bands[0]).toEqual({ grade: "优秀", min: 88, quotaPercent: 20 });
    // Only the open category changed.
    expect(kindergarten).toEqual(scheme().categories[1]);
  });

  it("puts the server's field errors next to the fields they name", async () => {
    mockApi((r) =>
      r.method === "PUT"
        ? errorAnswer(400, "validation_failed", "提交的数据有误，请检查标出的字段", [
            { path: "scheme.categories.0.items", message: "各考评项分值合计为 95 分，应等于总分 100 分" },
            { path: "scheme.categories.0.bands.1.min", message: "等次“良好”的分数线应低于“优秀”" },
          ])
        : { status: 200, body: view() },
    );
    renderInApp(<SchemeEditor planId="plan-1" />);
    await screen.findByText("分值合计 100 / 100 分");
    setNumber("报送纪律分值", "15");
    fireEvent.click(screen.getByText("保存方案"));
    expect(await screen.findByText("各考评项分值合计为 95 分，应等于总分 100 分")).toBeTruthy();
    const bands = screen.getByText("等次与比例").closest(".ant-card") as HTMLElement;
    expect(within(bands).getByText("等次“良好”的分数线应低于“优秀”")).toBeTruthy();
    expect(screen.getByRole("tab", { name: "科室（有误）" })).toBeTruthy();
  });

  it("keeps the edits on a stale version and offers to reload the latest scheme", async () => {
    const sent = mockApi((r) =>
      r.method === "PUT"
        ? errorAnswer(409, "stale_version", "考评方案已被他人修改，请重新载入")
        : { status: 200, body: view() },
    );
    renderInApp(<SchemeEditor planId="plan-1" />);
    await screen.findByText("分值合计 100 / 100 分");
    setNumber("总分", "120");
    fireEvent.click(screen.getByText("保存方案"));
    expect(await screen.findByText("考评方案已被他人修改，请重新载入")).toBeTruthy();
    expect((screen.getByLabelText("总分") as HTMLInputElement).value).toBe("120");
    fireEvent.click(screen.getByText("重新载入"));
    await waitFor(() => expect(sent.filter((s) => s.method === "GET")).toHaveLength(2));
  });

  it("shows a locked scheme read-only, without save or copy", async () => {
    mockApi(() => ({ status: 200, body: view({ lockedAt: "2023-12-31T02:00:00.000Z", version: 4 }) }));
    renderInApp(<SchemeEditor planId="plan-1" />);
    expect(await screen.findByText(/正式考评锁定，不能再修改/)).toBeTruthy();
    expect((screen.getAllByLabelText("任务完成分值")[0] as HTMLInputElement).disabled).toBe(true);
    expect(screen.queryByRole("button", { name: "保存方案" })).toBeNull();
    expect(screen.queryByRole("button", { name: "从往年方案复制" })).toBeNull();
  });
});
