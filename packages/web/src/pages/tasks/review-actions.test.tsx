import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import { errorAnswer, mockApi } from "../../test/api-mock";
import { submittedReport } from "../../test/fixtures";
import { renderInApp } from "../../test/render";
import { ReviewActions } from "./review-actions";

const reviewUrl = "/api/reports/report-1/review";

function setup() {
  renderInApp(<ReviewActions report={submittedReport()} />);
  return userEvent.setup({ delay: null });
}

describe("ReviewActions", () => {
  it("通过 sends the decision with the report's version, and nothing else", async () => {
    const sent = mockApi(() => ({ status: 200, body: submittedReport({ status: "approved", version: 8 }) }));
    const user = setup();
    await user.click(screen.getByRole("button", { name: "通过" }));
    expect(await screen.findByText("已通过")).toBeTruthy();
    expect(sent).toEqual([{ method: "POST", url: reviewUrl, body: { decision: "approve", version: 7 } }]);
  });

  it("退回 asks for a reason and sends nothing without one", async () => {
    const sent = mockApi(() => ({ status: 200, body: submittedReport({ status: "returned" }) }));
    const user = setup();
    await user.click(screen.getByRole("button", { name: "退回" }));
    const dialog = screen.getByRole("dialog", { name: "退回 第一中学 的填报" });
    await user.click(within(dialog).getByRole("button", { name: "确认退回" }));
    expect(await within(dialog).findByText("请填写退回原因，告诉对方需要修改什么")).toBeTruthy();
    expect(sent).toEqual([]);
  });

  it("退回 sends the trimmed reason with the version and closes the dialog", async () => {
    const sent = mockApi(() => ({ status: 200, body: submittedReport({ status: "returned", version: 8 }) }));
    const user = setup();
    await user.click(screen.getByRole("button", { name: "退回" }));
    const dialog = screen.getByRole("dialog", { name: "退回 第一中学 的填报" });
    await user.click(within(dialog).getByLabelText("退回原因"));
    await user.paste(" 请补充活动照片 ");
    await user.click(within(dialog).getByRole("button", { name: "确认退回" }));
    expect(await screen.findByText("已退回")).toBeTruthy();
    await waitFor(() => expect(screen.queryByRole("dialog")).toBeNull());
    expect(sent).toEqual([
      { method: "POST", url: reviewUrl, body: { decision: "return", reason: "请补充活动照片", version: 7 } },
    ]);
  });

  it("closes the dialog with the server's message when another reviewer decided first", async () => {
    mockApi(() => errorAnswer(409, "stale_version", "该填报已被他人审核，请刷新后查看"));
    const user = setup();
    await user.click(screen.getByRole("button", { name: "退回" }));
    const dialog = screen.getByRole("dialog", { name: "退回 第一中学 的填报" });
    await user.click(within(dialog).getByLabelText("退回原因"));
    await user.paste("请补充");
    await user.click(within(dialog).getByRole("button", { name: "确认退回" }));
    expect(await screen.findByText("该填报已被他人审核，请刷新后查看")).toBeTruthy();
    await waitFor(() => expect(screen.queryByRole("dialog")).toBeNull());
  });

  it("keeps the dialog and the reason when the server refuses for another cause", async () => {
    mockApi(() => errorAnswer(403, "forbidden", "只有督查室可以审核填报"));
    const user = setup();
    await user.click(screen.getByRole("button", { name: "退回" }));
    const dialog = screen.getByRole("dialog", { name: "退回 第一中学 的填报" });
    await user.click(within(dialog).getByLabelText("退回原因"));
    await user.paste("请补充");
    await user.click(within(dialog).getByRole("button", { name: "确认退回" }));
    expect(await screen.findByText("只有督查室可以审核填报")).toBeTruthy();
    expect(within(dialog).getByLabelText("退回原因")).toHaveProperty("value", "请补充");
  });
});
