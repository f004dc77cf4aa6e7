import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import { mockApi } from "../../test/api-mock";
import { publishedPlan, taskNode } from "../../test/fixtures";
import { renderInApp } from "../../test/render";
import { PlanArchiveButton, PlanArchiveNote } from "./plan-archive";

const abilities = { copy: true, manageCycles: true, archive: true, unarchive: false, ledger: true };

describe("PlanArchiveButton and PlanArchiveNote", () => {
  it("归档 asks first, then sends the plan's version", async () => {
    const plan = publishedPlan([taskNode()], { abilities });
    const sent = mockApi(() => ({ status: 200, body: { ...plan, status: "archived" } }));
    renderInApp(<PlanArchiveButton plan={plan} />);
    const user = userEvent.setup({ delay: null });
    await user.click(screen.getByRole("button", { name: "归档" }));
    const dialog = await screen.findByRole("dialog", { name: "归档《2023年教育工作要点》？" });
    await user.click(within(dialog).getByRole("button", { name: "归档" }));
    await waitFor(() =>
      expect(sent).toEqual([{ method: "POST", url: "/api/plans/plan-2023/archive", body: { version: 1 } }]),
    );
  });

  it("shows an archived plan as such, with 取消归档 when the abilities allow it", () => {
    const plan = publishedPlan([taskNode()], {
      status: "archived",
      abilities: { ...abilities, archive: false, unarchive: true },
    });
    renderInApp(
      <>
        <PlanArchiveNote plan={plan} />
        <PlanArchiveButton plan={plan} />
      </>,
    );
    expect(screen.getByText("本计划已归档：可查阅，不再催办，也不会自动生成督办单")).toBeTruthy();
    expect(screen.getByRole("button", { name: "取消归档" })).toBeTruthy();
    expect(screen.queryByRole("button", { name: "归档" })).toBeNull();
  });

  it("offers neither action without the abilities", () => {
    renderInApp(<PlanArchiveButton plan={publishedPlan([taskNode()])} />);
    expect(screen.queryByRole("button")).toBeNull();
  });
});
