import type { HandDown, HandDownCounty } from "@duban/domain";
import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import { mockApi } from "../../test/api-mock";
import { renderInApp } from "../../test/render";
import { CountyWeightsButton } from "./county-weights-dialog";

const county = (id: string, name: string, weight: number): HandDownCounty => ({
  tenant: { id, name },
  status: "linked",
  returnReason: null,
  linkedAt: null,
  light: "yellow",
  progress: 30,
  summary: null,
  values: [],
  upward: null,
  weight,
});

const h: HandDown = {
  id: "hd-9",
  plan: { id: "plan", title: "大连市教育局2023年工作要点" },
  node: { id: "node-9", label: "9.", title: "促进学前教育普及普惠发展" },
  kind: "task",
  title: "促进学前教育普及普惠发展",
  text: "",
  dueDate: null,
  targets: [],
  createdAt: "2023-06-01T00:00:00.000Z",
  version: 3,
  counties: [county("wfd", "瓦房店市教育局", 1), county("zh", "庄河市教育局", 2)],
  rollup: { light: "yellow", progress: 30, coverage: { reported: 0, expected: 2 }, targets: [] },
};

describe("汇总权重", () => {
  it("shows each county's weight and sends every county's weight with the hand-down's version", async () => {
    const sent = mockApi((req) =>
      req.method === "PUT" ? { status: 200, body: { ...h, version: 4 } } : { status: 404 },
    );
    renderInApp(<CountyWeightsButton h={h} />);
    const user = userEvent.setup({ delay: null });
    await user.click(screen.getByRole("button", { name: "汇总权重" }));
    const dialog = await screen.findByRole("dialog");
    const wfd = within(dialog).getByLabelText("瓦房店市教育局的权重");
    expect([
      (wfd as HTMLInputElement).value,
      (within(dialog).getByLabelText("庄河市教育局的权重") as HTMLInputElement).value,
    ]).toEqual(["1", "2"]);
    await user.clear(wfd);
    await user.type(wfd, "3");
    await user.click(within(dialog).getByRole("button", { name: "保存" }));
    await waitFor(() => expect(sent.filter((r) => r.method === "PUT")).toHaveLength(1));
    expect(sent[0]).toMatchObject({
      url: "/api/hand-downs/hd-9/weights",
      body: {
        version: 3,
        weights: [
          { tenantId: "wfd", weight: 3 },
          { tenantId: "zh", weight: 2 },
        ],
      },
    });
    expect(await screen.findByText("汇总权重已保存")).toBeTruthy();
  });

  it("refuses an empty weight before sending anything", async () => {
    const sent = mockApi(() => ({ status: 404 }));
    renderInApp(<CountyWeightsButton h={h} />);
    const user = userEvent.setup({ delay: null });
    await user.click(screen.getByRole("button", { name: "汇总权重" }));
    const dialog = await screen.findByRole("dialog");
    await user.clear(within(dialog).getByLabelText("庄河市教育局的权重"));
    await user.click(within(dialog).getByRole("button", { name: "保存" }));
    expect(await within(dialog).findByText("请填写权重")).toBeTruthy();
    expect(sent.filter((r) => r.method === "PUT")).toEqual([]);
  });
});
