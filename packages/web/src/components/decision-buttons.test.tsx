import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import { renderInApp } from "../test/render";
import { type Decision, DecisionButtons, type DecisionButtonsProps } from "./decision-buttons";

/** Renders the buttons with a recording `onDecide` that succeeds, unless the test gives its own. */
function renderButtons(props: Partial<DecisionButtonsProps> = {}) {
  const onDecide = vi.fn(async (_decision: Decision): Promise<unknown> => undefined);
  renderInApp(
    <DecisionButtons
      acceptLabel="通过"
      returnLabel="退回"
      subject="第一季度报告"
      onDecide={onDecide}
      {...props}
    />,
  );
  return { onDecide, user: userEvent.setup({ delay: null }) };
}

const dialog = () => screen.getByRole("dialog");

describe("DecisionButtons", () => {
  it("will not send back without a reason, and sends the trimmed reason once one is given", async () => {
    const { onDecide, user } = renderButtons();
    await user.click(screen.getByRole("button", { name: "退回" }));
    expect(within(dialog()).getByText("退回：第一季度报告")).toBeTruthy();
    await user.click(within(dialog()).getByRole("button", { name: "确定退回" }));
    expect(await within(dialog()).findByText("请填写理由")).toBeTruthy();
    await user.click(within(dialog()).getByLabelText("理由"));
    await user.paste("   ");
    await user.click(within(dialog()).getByRole("button", { name: "确定退回" }));
    expect(await within(dialog()).findByText("请填写理由")).toBeTruthy();
    expect(onDecide).not.toHaveBeenCalled();

    await user.click(within(dialog()).getByLabelText("理由"));
    await user.paste("缺少佐证材料 ");
    await user.click(within(dialog()).getByRole("button", { name: "确定退回" }));
    await waitFor(() => expect(screen.queryByRole("dialog")).toBeNull());
    expect(onDecide.mock.calls).toEqual([[{ accept: false, reason: "缺少佐证材料" }]]);
  });

  it("accepts after confirming in its dialog, with an optional opinion", async () => {
    const { onDecide, user } = renderButtons();
    await user.click(screen.getByRole("button", { name: "通过" }));
    expect(within(dialog()).getByText("通过：第一季度报告")).toBeTruthy();
    expect(within(dialog()).getByLabelText("意见（可选）")).toBeTruthy();
    await user.click(within(dialog()).getByRole("button", { name: "确定通过" }));
    await waitFor(() => expect(screen.queryByRole("dialog")).toBeNull());
    expect(onDecide.mock.calls).toEqual([[{ accept: true, reason: undefined }]]);
  });

  it("keeps the dialog and the reason when the decision fails", async () => {
    const onDecide = vi.fn(async () => Promise.reject(new Error("数据已被他人修改")));
    const { user } = renderButtons({ onDecide });
    await user.click(screen.getByRole("button", { name: "退回" }));
    await user.click(within(dialog()).getByLabelText("理由"));
    await user.paste("请补充数据");
    await user.click(within(dialog()).getByRole("button", { name: "确定退回" }));
    await waitFor(() => expect(onDecide).toHaveBeenCalledTimes(1));
    expect(within(dialog()).getByLabelText("理由")).toHaveProperty("value", "请补充数据");
  });

  it("accepts at once when asked to, without a dialog", async () => {
    const { onDecide, user } = renderButtons({ accept: "immediate" });
    await user.click(screen.getByRole("button", { name: "通过" }));
    expect(onDecide.mock.calls).toEqual([[{ accept: true }]]);
    expect(screen.queryByRole("dialog")).toBeNull();
  });

  it("asks its yes/no question before accepting, and does nothing when cancelled", async () => {
    const question = { title: "确认销号？", content: "「任务一」销号后不能再修改或填报。", okText: "销号" };
    const { onDecide, user } = renderButtons({ acceptLabel: "销号", accept: question });
    await user.click(screen.getByRole("button", { name: "销号" }));
    const asked = await screen.findByRole("dialog", { name: "确认销号？" });
    expect(within(asked).getByText("「任务一」销号后不能再修改或填报。")).toBeTruthy();
    await user.click(within(asked).getByRole("button", { name: "取消" }));
    await waitFor(() => expect(screen.queryByRole("dialog")).toBeNull());
    expect(onDecide).not.toHaveBeenCalled();

    await user.click(screen.getByRole("button", { name: "销号" }));
    const confirm = await screen.findByRole("dialog", { name: "确认销号？" });
    await user.click(within(confirm).getByRole("button", { name: "销号" }));
    await waitFor(() => expect(onDecide.mock.calls).toEqual([[{ accept: true }]]));
  });

  it("uses the send-back texts it is given", async () => {
    const { onDecide, user } = renderButtons({
      returnDialog: {
        title: "退回办结申请",
        okText: "确认退回",
        reasonLabel: "退回原因",
        reasonRequired: "请填写退回原因，告诉牵头科室还需做什么",
      },
    });
    await user.click(screen.getByRole("button", { name: "退回" }));
    expect(within(dialog()).getByText("退回办结申请")).toBeTruthy();
    await user.click(within(dialog()).getByRole("button", { name: "确认退回" }));
    expect(await within(dialog()).findByText("请填写退回原因，告诉牵头科室还需做什么")).toBeTruthy();
    expect(onDecide).not.toHaveBeenCalled();
  });
});
