import type { CascadeNotice } from "@duban/domain";
import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import { mockApi } from "../../test/api-mock";
import { renderInApp } from "../../test/render";
import { ReceivedNoticesTab } from "./received-notices-tab";

const notice: CascadeNotice = {
  id: "notice-1",
  from: { id: "city", name: "大连市教育局" },
  to: { id: "county", name: "瓦房店市教育局" },
  handDownId: null,
  receivedId: "link-1",
  item: { label: "9.", title: "促进学前教育普及普惠发展" },
  documentNumber: "督办〔2023〕1号",
  level: "yellow",
  reason: "进展滞后，请说明原因",
  replyDue: "2023-06-25",
  status: "open",
  version: 0,
  createdAt: "2023-06-15T01:00:00.000Z",
  events: [
    {
      action: "issue",
      bureau: "大连市教育局",
      actorName: "市督查室",
      text: "进展滞后，请说明原因",
      measures: null,
      createdAt: "2023-06-15T01:00:00.000Z",
    },
  ],
  abilities: { reply: true, decide: false },
};

/** The API: the received notices, and the reply answered with the notice replied. */
function api(items: CascadeNotice[]) {
  return mockApi((req) => {
    if (req.method === "GET" && req.url === "/api/cascade/notices/notice-1")
      return { status: 200, body: notice };
    if (req.method === "GET" && req.url.startsWith("/api/cascade/notices?"))
      return { status: 200, body: { items, total: items.length, page: 1, pageSize: 20, abilities: {} } };
    if (req.method === "POST" && req.url === "/api/cascade/notices/notice-1/reply")
      return { status: 200, body: { ...notice, status: "replied", version: 1 } };
    return { status: 404 };
  });
}

describe("ReceivedNoticesTab", () => {
  it("says so when no superior has issued a notice to the bureau", async () => {
    api([]);
    renderInApp(<ReceivedNoticesTab />);
    expect(await screen.findByText("暂无上级教育局的督办单")).toBeTruthy();
  });

  it("answers the city's notice with 办理情况 and measures at its version", async () => {
    const sent = api([notice]);
    renderInApp(<ReceivedNoticesTab />);
    const user = userEvent.setup({ delay: null });
    expect((await screen.findAllByText("督办〔2023〕1号")).length).toBeGreaterThan(0);
    await user.click(screen.getByRole("button", { name: "回复" }));
    const dialog = await screen.findByRole("dialog");
    expect(within(dialog).getByText("上级督办单：9.促进学前教育普及普惠发展")).toBeTruthy();
    expect(within(dialog).getByText("大连市教育局 下发督办单")).toBeTruthy();
    await user.click(within(dialog).getByRole("button", { name: "回复" }));
    expect(await within(dialog).findByText("请填写办理情况")).toBeTruthy();
    await user.type(within(dialog).getByLabelText("办理情况"), "已召开专题会议部署");
    await user.type(within(dialog).getByLabelText("整改措施"), "新增公办学位120个");
    await user.click(within(dialog).getByRole("button", { name: "回复" }));
    await waitFor(() => expect(sent.filter((r) => r.method === "POST")).toHaveLength(1));
    expect(sent.find((r) => r.method === "POST")!.body).toEqual({
      version: 0,
      text: "已召开专题会议部署",
      measures: "新增公办学位120个",
    });
  });

  it("opens the notice a notification points at, read-only once answered", async () => {
    const answered = { ...notice, status: "replied" as const, abilities: { reply: false, decide: false } };
    mockApi((req) => {
      if (req.url === "/api/cascade/notices/notice-1") return { status: 200, body: answered };
      if (req.url.startsWith("/api/cascade/notices?"))
        return { status: 200, body: { items: [], total: 0, page: 1, pageSize: 20, abilities: {} } };
      return { status: 404 };
    });
    renderInApp(<ReceivedNoticesTab />, { path: "/cascade?tab=notices&notice=notice-1" });
    const dialog = await screen.findByRole("dialog");
    expect(within(dialog).getByText("上级督办单：9.促进学前教育普及普惠发展")).toBeTruthy();
    expect(within(dialog).queryByLabelText("办理情况")).toBeNull();
    expect(within(dialog).getByRole("link", { name: "下载督办通知单（Word）" }).getAttribute("href")).toBe(
      "/api/cascade/notices/notice-1/document",
    );
  });
});
