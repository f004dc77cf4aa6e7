import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import { errorAnswer, mockApi } from "../../test/api-mock";
import { renderInApp } from "../../test/render";
import { NoticeCreateDialog } from "./notice-create-dialog";

const repeatMessage = "西城幼儿园在该任务上已有一份未办结的“黄色警示”督办单，确认仍要再下发一份吗？";

/** The API: the unit list, no assignments, and a 409 for the first raise when `warn` is set. */
function api() {
  let raised = 0;
  return mockApi((req) => {
    if (req.url.startsWith("/api/units/options"))
      return {
        status: 200,
        body: { items: [{ id: "unit-1", name: "西城幼儿园", kind: "school" }], total: 1 },
      };
    if (req.url.startsWith("/api/nodes/")) return { status: 200, body: { items: [], total: 0 } };
    if (req.method === "POST" && req.url === "/api/notices")
      return ++raised === 1
        ? errorAnswer(409, "conflict", repeatMessage, { openNoticeId: "notice-open" })
        : { status: 201, body: { id: "notice-new" } };
    return { status: 404 };
  });
}

describe("NoticeCreateDialog", () => {
  it("warns about the open notice with a link, and sends again only on 仍要下发", async () => {
    const sent = api();
    renderInApp(<NoticeCreateDialog nodeId="node-9" onClose={() => {}} />);
    const user = userEvent.setup({ delay: null });
    const dialog = screen.getByRole("dialog", { name: "下发督办单" });
    await user.click(within(dialog).getByRole("combobox", { name: "责任单位" }));
    await user.click(await screen.findByTitle("西城幼儿园"));
    await user.type(within(dialog).getByLabelText("督办事由"), "再次督办");
    const due = within(dialog).getByLabelText("回复时限");
    await user.click(due);
    await user.type(due, "2023-06-20{Enter}");
    await user.click(within(dialog).getByRole("button", { name: "下发" }));
    expect(await within(dialog).findByText(repeatMessage)).toBeTruthy();
    expect(within(dialog).getByRole("link", { name: "查看未办结的督办单" }).getAttribute("href")).toBe(
      "/notices/notice-open",
    );
    await user.click(within(dialog).getByRole("button", { name: "仍要下发" }));
    await waitFor(() => expect(sent.filter((r) => r.method === "POST")).toHaveLength(2));
    const [first, second] = sent.filter((r) => r.method === "POST");
    expect(first!.body).toEqual({
      nodeId: "node-9",
      unitId: "unit-1",
      level: "yellow",
      reason: "再次督办",
      replyDue: "2023-06-20",
    });
    expect(second!.body).toEqual({ ...(first!.body as object), allowDuplicate: true });
  });
});
