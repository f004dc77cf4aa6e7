import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import { errorAnswer, mockApi } from "../../test/api-mock";
import { taskNode } from "../../test/fixtures";
import { renderInApp } from "../../test/render";
import { ClosureBanner } from "./closure-banner";

const decisionUrl = "/api/nodes/node-1/close-decision";

/** A task waiting for its close-out decision, as the supervision office sees it. */
const closingForSupervisor = taskNode({
  status: "closing",
  abilities: { assign: true, decompose: true, changeLead: true, requestClose: false, decideClose: true },
});

function setup() {
  renderInApp(<ClosureBanner node={closingForSupervisor} />);
  return userEvent.setup({ delay: null });
}

async function openReturnDialog(user: ReturnType<typeof userEvent.setup>) {
  await user.click(screen.getByRole("button", { name: "退回" }));
  return screen.getByRole("dialog", { name: "退回办结申请" });
}

describe("ClosureBanner", () => {
  it("销号 asks first, then sends the confirmation with the task's version", async () => {
    const sent = mockApi(() => ({ status: 204 }));
    const user = setup();
    await user.click(screen.getByRole("button", { name: "销号" }));
    const asked = await screen.findByRole("dialog", { name: "确认销号？" });
    expect(within(asked).getByText("「推进课后服务全覆盖」销号后不能再修改或填报。")).toBeTruthy();
    await user.click(within(asked).getByRole("button", { name: "销号" }));
    expect(await screen.findByText("已销号")).toBeTruthy();
    expect(sent).toEqual([{ method: "POST", url: decisionUrl, body: { decision: "confirm", version: 3 } }]);
  });

  it("退回 will not go without a reason", async () => {
    const sent = mockApi(() => ({ status: 204 }));
    const user = setup();
    const dialog = await openReturnDialog(user);
    await user.click(within(dialog).getByRole("button", { name: "确认退回" }));
    expect(await within(dialog).findByText("请填写退回原因，告诉牵头科室还需做什么")).toBeTruthy();
    expect(sent).toEqual([]);
  });

  it("退回 sends the reason with the version", async () => {
    const sent = mockApi(() => ({ status: 204 }));
    const user = setup();
    const dialog = await openReturnDialog(user);
    await user.click(within(dialog).getByLabelText("退回原因"));
    await user.paste("缺少总结材料");
    await user.click(within(dialog).getByRole("button", { name: "确认退回" }));
    expect(await screen.findByText("已退回办结申请")).toBeTruthy();
    await waitFor(() => expect(screen.queryByRole("dialog")).toBeNull());
    expect(sent).toEqual([
      { method: "POST", url: decisionUrl, body: { decision: "return", reason: "缺少总结材料", version: 3 } },
    ]);
  });

  it("puts the server's complaint about the reason on the reason field", async () => {
    mockApi(() =>
      errorAnswer(400, "validation_failed", "输入有误", [{ path: "reason", message: "退回时请填写原因" }]),
    );
    const user = setup();
    const dialog = await openReturnDialog(user);
    await user.click(within(dialog).getByLabelText("退回原因"));
    await user.paste("缺少总结材料");
    await user.click(within(dialog).getByRole("button", { name: "确认退回" }));
    expect(await within(dialog).findByText("退回时请填写原因")).toBeTruthy();
  });

  it("offers no decision to those who are not the supervision office", () => {
    renderInApp(<ClosureBanner node={taskNode({ status: "closing" })} />);
    expect(screen.getByText("已申请办结，等待督查室确认")).toBeTruthy();
    expect(screen.queryByRole("button")).toBeNull();
  });
});
