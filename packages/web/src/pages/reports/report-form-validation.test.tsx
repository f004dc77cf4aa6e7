import type { Cycle, Indicator } from "@duban/domain";
import { screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import { errorAnswer, mockApi } from "../../test/api-mock";
import { renderInApp } from "../../test/render";
import { ReportForm } from "./report-form";

const cycle: Cycle = {
  id: "cycle-1",
  planId: "plan-1",
  name: "2023年6月",
  kind: "monthly",
  startDate: "2023-06-01",
  dueDate: "2023-06-25",
  status: "open",
  expected: 2,
  submitted: 0,
  approved: 0,
  version: 0,
  abilities: { close: false },
};

/** 公办幼儿园在园幼儿占比 ≥ 50 %, a percentage. */
const share: Indicator = {
  id: "ind-share",
  name: "公办幼儿园在园幼儿占比",
  comparator: "gte",
  targetValue: 50,
  targetMax: null,
  unit: "%",
  deadline: null,
  hedge: null,
  aggregation: "average",
  sourceText: null,
  actual: null,
  coverage: { reported: 0, expected: 0 },
  status: "no_data",
};

function setup() {
  renderInApp(<ReportForm assignmentId="as-1" cycle={cycle} report={null} indicators={[share]} />);
  return userEvent.setup({ delay: null });
}

describe("ReportForm field validation", () => {
  it("keeps a progress of 150 and says 进度应为 0–100 instead of clamping it", async () => {
    const sent = mockApi(() => ({ status: 201, body: {} }));
    const user = setup();
    const progress = screen.getByLabelText("进度（%）");
    await user.clear(progress);
    await user.type(progress, "150");
    await user.tab();
    await user.click(screen.getByRole("button", { name: "保存草稿" }));
    expect(await screen.findByText("进度应为 0–100")).toBeTruthy();
    expect((progress as HTMLInputElement).value).toBe("150");
    expect(sent).toEqual([]);
  });

  it("says 百分比应为 0–100 at a percentage indicator of 150 and sends nothing", async () => {
    const sent = mockApi(() => ({ status: 201, body: {} }));
    const user = setup();
    await user.type(screen.getByLabelText("公办幼儿园在园幼儿占比（%）"), "150");
    await user.click(screen.getByRole("button", { name: "保存草稿" }));
    expect(await screen.findByText("百分比应为 0–100")).toBeTruthy();
    expect(sent).toEqual([]);
  });

  it("puts the server's refusal of a value on that indicator's field", async () => {
    mockApi(() =>
      errorAnswer(400, "validation_failed", "提交的数据有误，请检查标出的字段", [
        { path: "values.0.value", message: "应为整数（单位：所）" },
      ]),
    );
    const user = setup();
    await user.type(screen.getByLabelText("公办幼儿园在园幼儿占比（%）"), "60");
    await user.click(screen.getByRole("button", { name: "保存草稿" }));
    await waitFor(() => expect(screen.getByText("应为整数（单位：所）")).toBeTruthy());
  });
});
