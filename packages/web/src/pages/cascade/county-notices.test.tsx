import type { CascadeNotice, HandDownCounty } from "@duban/domain";
import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { Table } from "antd";
import { describe, expect, it } from "vitest";
import { mockApi } from "../../test/api-mock";
import { handDownCounty, handDownOfTask9 } from "../../test/fixtures";
import { renderInApp } from "../../test/render";
import { useCountyNoticeColumn } from "./county-notices";

const county = (id: string, name: string, status: HandDownCounty["status"]) =>
  handDownCounty(id, name, { status, light: status === "linked" ? "red" : null });

const h = handDownOfTask9([
  county("wfd", "瓦房店市教育局", "linked"),
  county("pld", "普兰店区教育局", "pending"),
  county("zh", "庄河市教育局", "returned"),
]);

const live: CascadeNotice = {
  id: "n-1",
  from: { id: "city", name: "大连市教育局" },
  to: { id: "pld", name: "普兰店区教育局" },
  handDownId: "hd-9",
  receivedId: null,
  item: { label: "9.", title: "促进学前教育普及普惠发展" },
  documentNumber: "督办〔2023〕1号",
  level: "yellow",
  reason: "进展滞后",
  replyDue: "2099-06-25",
  status: "open",
  version: 0,
  createdAt: "2023-06-15T01:00:00.000Z",
  events: [],
  abilities: { reply: false, decide: false },
};

function Harness() {
  const column = useCountyNoticeColumn(h);
  return (
    <Table
      rowKey={(c) => c.tenant.id}
      columns={[{ title: "县", key: "n", render: (_, c) => c.tenant.name }, column]}
      dataSource={h.counties}
      pagination={false}
    />
  );
}

describe("the 督办 column of a hand-down", () => {
  it("offers 督办 only to a county holding the item without a live notice, and issues at the red light's level", async () => {
    const sent = mockApi((req) => {
      if (req.method === "GET" && req.url.startsWith("/api/hand-downs/hd-9/notices"))
        return {
          status: 200,
          body: { items: [live], total: 1, page: 1, pageSize: 200, abilities: { issue: true } },
        };
      if (req.method === "POST")
        return { status: 201, body: { ...live, id: "n-2", to: { id: "wfd", name: "瓦房店市教育局" } } };
      return { status: 404 };
    });
    renderInApp(<Harness />);
    const user = userEvent.setup({ delay: null });
    const rowOf = (name: string) => screen.getByText(name).closest("tr")!;
    await waitFor(() => expect(within(rowOf("普兰店区教育局")).getByText("待回复")).toBeTruthy());
    expect(within(rowOf("普兰店区教育局")).queryByRole("button", { name: "督办" })).toBeNull();
    expect(within(rowOf("庄河市教育局")).queryByRole("button", { name: "督办" })).toBeNull();
    await user.click(within(rowOf("瓦房店市教育局")).getByRole("button", { name: "督办" }));
    const dialog = await screen.findByRole("dialog");
    expect(within(dialog).getByText("确认向下级教育局下发督办单")).toBeTruthy();
    await user.click(within(dialog).getByRole("button", { name: "下发" }));
    await waitFor(() => expect(sent.filter((r) => r.method === "POST")).toHaveLength(1));
    const post = sent.find((r) => r.method === "POST")!;
    expect(post.url).toBe("/api/hand-downs/hd-9/notices");
    expect(post.body).toMatchObject({
      tenantId: "wfd",
      level: "red",
      reason: "促进学前教育普及普惠发展：进展滞后，请说明原因，提出整改措施，按时回复。",
    });
  });
});
