import type { Instruction } from "@duban/domain";
import { screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { Route, Routes } from "react-router";
import { describe, expect, it } from "vitest";
import { mockApi } from "../../test/api-mock";
import { renderInApp } from "../../test/render";
import { InstructionDetailPage } from "./instruction-detail-page";

/** A 批示 on a 整改 item, waiting for the unit's 签收. */
function instruction(overrides: Partial<Instruction> = {}): Instruction {
  return {
    id: "ins-1",
    leader: { id: "leader-1", name: "李局长" },
    entity: "rectification",
    entityId: "item-1",
    unit: { id: "unit-1", name: "第一小学" },
    text: "抓紧落实，本周内完成",
    state: "待签收",
    acknowledgedAt: null,
    createdAt: "2023-06-15T01:00:00.000Z",
    abilities: { acknowledge: true },
    ...overrides,
  };
}

describe("InstructionDetailPage", () => {
  it("shows the 批示 a notification opens, links its item, and 签收 it", async () => {
    const sent = mockApi((r) =>
      r.method === "POST"
        ? { status: 200, body: instruction({ state: "已签收", acknowledgedAt: "2023-06-15T02:00:00.000Z" }) }
        : { status: 200, body: instruction() },
    );
    renderInApp(
      <Routes>
        <Route path="/instructions/:id" element={<InstructionDetailPage />} />
      </Routes>,
      { path: "/instructions/ins-1" },
    );
    expect(await screen.findByText("抓紧落实，本周内完成")).toBeTruthy();
    expect(screen.getByText("李局长")).toBeTruthy();
    expect(screen.getByRole("link", { name: "整改事项" }).getAttribute("href")).toBe(
      "/rectifications/item-1",
    );
    await userEvent.setup({ delay: null }).click(screen.getByRole("button", { name: "签收" }));
    expect(await screen.findByText("已签收批示")).toBeTruthy();
    expect(sent.filter((s) => s.method === "POST")).toEqual([
      { method: "POST", url: "/api/instructions/ins-1/acknowledge", body: undefined },
    ]);
  });

  it("offers no 签收 to one who may not", async () => {
    mockApi(() => ({ status: 200, body: instruction({ abilities: { acknowledge: false } }) }));
    renderInApp(
      <Routes>
        <Route path="/instructions/:id" element={<InstructionDetailPage />} />
      </Routes>,
      { path: "/instructions/ins-1" },
    );
    expect(await screen.findByText("抓紧落实，本周内完成")).toBeTruthy();
    expect(screen.queryByRole("button", { name: "签收" })).toBeNull();
  });
});
