import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import { mockApi } from "../../test/api-mock";
import { publishedPlan, taskNode } from "../../test/fixtures";
import { renderInApp } from "../../test/render";
import { FilingDrawer } from "./filing-drawer";

const cycle = {
  id: "cycle-6",
  planId: "plan-2023",
  name: "2023年6月",
  kind: "monthly",
  startDate: "2023-06-01",
  dueDate: "2023-06-25",
  status: "open",
  expected: 2,
  submitted: 1,
  approved: 0,
  version: 0,
  abilities: { close: true },
};

const filing = {
  cycle: {
    id: "cycle-6",
    planId: "plan-2023",
    name: "2023年6月",
    startDate: "2023-06-01",
    dueDate: "2023-06-25",
    status: "open",
  },
  totals: { units: 2, onTime: 1, late: 0, missing: 1 },
  units: [
    {
      unit: { id: "u2", name: "第二幼儿园" },
      due: 1,
      onTime: 0,
      late: 0,
      missing: 1,
      standing: "missing",
      lastSubmittedAt: null,
    },
    {
      unit: { id: "u1", name: "西城幼儿园" },
      due: 1,
      onTime: 1,
      late: 0,
      missing: 0,
      standing: "on_time",
      lastSubmittedAt: "2023-06-15T01:00:00.000Z",
    },
  ],
  abilities: { urge: true },
};

describe("FilingDrawer", () => {
  it("lists the newest cycle's units and 催报 the missing ones after confirming", async () => {
    const sent = mockApi((r) => {
      if (r.url.startsWith("/api/plans/plan-2023/cycles"))
        return { status: 200, body: { items: [cycle], total: 1, page: 1, pageSize: 100 } };
      if (r.method === "POST")
        return {
          status: 200,
          body: { missing: 1, reminded: 1, skipped: 0, message: "已向 1 个未报送单位发送催报" },
        };
      return { status: 200, body: filing };
    });
    renderInApp(<FilingDrawer plan={publishedPlan([taskNode()])} open onClose={() => {}} />);
    expect(await screen.findByText("第二幼儿园")).toBeTruthy();
    expect(screen.getByText("未报送", { selector: ".ant-tag" })).toBeTruthy();
    expect(screen.getByText("按时报送", { selector: ".ant-tag" })).toBeTruthy();
    const user = userEvent.setup({ delay: null });
    await user.click(screen.getByRole("button", { name: "一键催报" }));
    const confirm = await screen.findByRole("tooltip");
    expect(within(confirm).getByText("向 1 个未报送单位发送催报？")).toBeTruthy();
    await user.click(within(confirm).getByRole("button", { name: "发送" }));
    await waitFor(() =>
      expect(sent.filter((r) => r.method === "POST")).toEqual([
        { method: "POST", url: "/api/cycles/cycle-6/urge", body: undefined },
      ]),
    );
    expect(await screen.findByText("已向 1 个未报送单位发送催报")).toBeTruthy();
  });
});
