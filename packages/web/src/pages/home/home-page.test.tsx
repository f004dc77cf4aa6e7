import { menuAbilities, type Role, type WorkItem } from "@duban/domain";
import { screen, within } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";
import { mockApi, type SentRequest } from "../../test/api-mock";
import { publishedPlan, signedIn } from "../../test/fixtures";
import { renderInApp } from "../../test/render";
import { planCockpit } from "../cockpit/cockpit-fixture";
import { HomePage } from "./home-page";

// happy-dom has no canvas to draw on.
vi.mock("../cockpit/cockpit-chart", () => ({
  CockpitChart: ({ label }: { label: string }) => <div role="img" aria-label={label} />,
}));

const overdueNotice: WorkItem = {
  key: "notice_reply:n-1",
  kind: "notice_reply",
  id: "n-1",
  title: "9. 促进学前教育普及普惠发展",
  detail: "红色督办 · 西城幼儿园 · 进度滞后",
  due: "2023-06-13",
  light: "red",
  daysLeft: -2,
  link: "/notices/n-1",
  since: "2023-06-01T02:00:00.000Z",
};
const instruction: WorkItem = {
  key: "instruction_acknowledge:i-1",
  kind: "instruction_acknowledge",
  id: "i-1",
  title: "抓紧推进学位建设",
  detail: "王局长的批示",
  due: null,
  light: "grey",
  daysLeft: null,
  link: "/plans/plan-2023/tasks/node-1",
  since: "2023-06-10T02:00:00.000Z",
};

function renderHome(roles: Role[], items: WorkItem[]): SentRequest[] {
  const sent = mockApi((r) => {
    if (r.url === "/api/my-work?page=1&pageSize=20")
      return { status: 200, body: { items, total: items.length, page: 1, pageSize: 20, abilities: {} } };
    if (r.url === "/api/plans?page=1&pageSize=200")
      return {
        status: 200,
        body: { items: [publishedPlan([])], total: 1, page: 1, pageSize: 200, years: [2023] },
      };
    if (r.url === "/api/plans/plan-2023/cockpit") return { status: 200, body: planCockpit() };
    return { status: 404 };
  });
  const actor = { userId: "user-1", tenantId: "tenant-1", unitId: "unit-1", roles };
  renderInApp(<HomePage />, { me: signedIn(roles, menuAbilities(actor)) });
  return sent;
}

describe("HomePage (我的工作)", () => {
  it("lists every waiting item in the server's order with its kind, due date, light and a link to the record", async () => {
    renderHome(["school"], [overdueNotice, instruction]);
    const list = await screen.findByLabelText("待办事项");
    const rows = within(list).getAllByRole("listitem");
    expect(rows.map((r) => r.textContent)).toEqual([
      "督办单待回复9. 促进学前教育普及普惠发展红色督办 · 西城幼儿园 · 进度滞后截止 2023-06-13逾期 2 天回复",
      "批示待签收抓紧推进学位建设王局长的批示无时限查看并签收",
    ]);
    expect(within(rows[0]!).getByRole("link").getAttribute("href")).toBe("/notices/n-1");
    expect(within(rows[1]!).getByRole("link").getAttribute("href")).toBe("/plans/plan-2023/tasks/node-1");
  });

  it("shows the cross-bureau kinds with their labels, actions and links", async () => {
    const cascade = (kind: WorkItem["kind"], id: string, link: string, due: string | null): WorkItem => ({
      key: `${kind}:${id}`,
      kind,
      id,
      title: "9. 促进学前教育普及普惠发展",
      detail: "大连市教育局下达的任务",
      due,
      light: due ? "green" : "grey",
      daysLeft: due ? 10 : null,
      link,
      since: "2023-06-10T02:00:00.000Z",
    });
    renderHome(
      ["supervisor"],
      [
        cascade("cascade_notice_reply", "cn-1", "/cascade?tab=notices&notice=cn-1", "2023-06-25"),
        cascade("hand_down_link", "l-1", "/cascade?tab=inbox&received=l-1", "2023-06-25"),
        cascade("cascade_notice_decide", "cn-2", "/cascade?tab=down&handDown=h-1", null),
      ],
    );
    const rows = within(await screen.findByLabelText("待办事项")).getAllByRole("listitem");
    expect(
      rows.map((r) => [
        within(r).getByText(/^(上级|下级)/).textContent,
        within(r).getByRole("button").textContent,
      ]),
    ).toEqual([
      ["上级督办待回复", "回复"],
      ["上级下达待接收", "接收"],
      ["下级回复待审核", "审核"],
    ]);
    expect(rows.map((r) => within(r).getByRole("link").getAttribute("href"))).toEqual([
      "/cascade?tab=notices&notice=cn-1",
      "/cascade?tab=inbox&received=l-1",
      "/cascade?tab=down&handDown=h-1",
    ]);
  });

  it("says what would appear here for the user's role when nothing waits", async () => {
    renderHome(["school"], []);
    expect(
      await screen.findByText(
        "本单位暂无待办：交办的工作待签收、本期待填报、督办单待回复、整改待提交、领导批示待签收时会列在这里。",
      ),
    ).toBeTruthy();
  });

  it("gives the supervision office its own empty state", async () => {
    renderHome(["supervisor"], []);
    expect(
      await screen.findByText(
        "暂无待办：已回复待办结的督办单、待验收的整改、待审批的延期申请，上级下达待接收、上级督办待回复和下级回复待审核的事项会列在这里。",
      ),
    ).toBeTruthy();
  });

  it("opens on the cockpit of the newest plan for a leader, above the leader's own to-dos", async () => {
    renderHome(["leader"], []);
    const cockpit = await screen.findByRole("region", { name: "领导驾驶舱" });
    expect(await within(cockpit).findByRole("img", { name: "任务亮灯分布" })).toBeTruthy();
    expect(within(cockpit).getByRole("link", { name: "2023年教育工作要点" }).getAttribute("href")).toBe(
      "/plans/plan-2023",
    );
    expect(await screen.findByText("暂无待办。您的批示可在“我的批示”中查看签收情况。")).toBeTruthy();
  });

  it("shows a school no cockpit and never asks for one", async () => {
    const sent = renderHome(["school"], []);
    await screen.findByLabelText("待办事项");
    expect(screen.queryByRole("region", { name: "领导驾驶舱" })).toBeNull();
    expect(sent.map((r) => r.url)).toEqual(["/api/my-work?page=1&pageSize=20"]);
  });
});
