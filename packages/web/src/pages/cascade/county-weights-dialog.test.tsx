import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import { mockApi } from "../../test/api-mock";
import { handDownCounty, handDownOfTask9 } from "../../test/fixtures";
import { renderInApp } from "../../test/render";
import { CountyWeightsButton } from "./county-weights-dialog";

const h = handDownOfTask9(
  [
    handDownCounty("wfd", "瓦房店市教育局", { light: "yellow", progress: 30 }),
    handDownCounty("zh", "庄河市教育局", { light: "yellow", progress: 30, weight: 2 }),
  ],
  { version: 3 },
);

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
