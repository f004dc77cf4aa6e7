import { screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { errorAnswer, mockApi } from "../../test/api-mock";
import { renderInApp } from "../../test/render";
import { BulletinCreateDialog } from "./bulletin-create-dialog";

describe("BulletinCreateDialog", () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(new Date("2023-06-15T01:00:00.000Z"));
  });
  afterEach(() => vi.useRealTimers());

  it("drafts this month's 通报 up to today by default, with the usual title", async () => {
    const sent = mockApi(() => ({ status: 201, body: { id: "b-1" } }));
    renderInApp(<BulletinCreateDialog planId="plan-1" planYear={2023} onClose={() => {}} />);
    expect((screen.getByLabelText("标题") as HTMLInputElement).value).toBe(
      "2023年6月重点工作落实情况督查通报",
    );
    await userEvent.setup({ delay: null }).click(screen.getByRole("button", { name: "生成草稿" }));
    expect(await screen.findByText("通报草稿已生成，请修改后印发")).toBeTruthy();
    expect(sent).toEqual([
      {
        method: "POST",
        url: "/api/plans/plan-1/bulletins",
        body: { title: "2023年6月重点工作落实情况督查通报", from: "2023-06-01", to: "2023-06-15" },
      },
    ]);
  });

  it("shows why the server could not draft it", async () => {
    mockApi(() =>
      errorAnswer(
        409,
        "conflict",
        "截至2023-06-15该计划还没有进度记录，无法生成通报；进度记录每天自动生成，请选择更晚的结束日期",
      ),
    );
    renderInApp(<BulletinCreateDialog planId="plan-1" planYear={2023} onClose={() => {}} />);
    await userEvent.setup({ delay: null }).click(screen.getByRole("button", { name: "生成草稿" }));
    expect(await screen.findByText(/截至2023-06-15该计划还没有进度记录/)).toBeTruthy();
  });
});
