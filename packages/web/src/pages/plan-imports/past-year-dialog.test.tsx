import { screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import { renderInApp } from "../../test/render";
import { PastYearDialog } from "./past-year-dialog";

describe("PastYearDialog", () => {
  it("asks whether a 2023 plan is a record or live work and passes the choice on", async () => {
    const onChoose = vi.fn();
    renderInApp(<PastYearDialog year={2023} onChoose={onChoose} onCancel={() => {}} />);
    const user = userEvent.setup({ delay: null });
    const dialog = screen.getByRole("dialog", { name: "2023 年的计划，年度已过" });
    await user.click(within(dialog).getByRole("button", { name: "作为存档发布" }));
    await user.click(within(dialog).getByRole("button", { name: "继续督办" }));
    expect(onChoose.mock.calls).toEqual([["record"], ["live"]]);
  });
});
