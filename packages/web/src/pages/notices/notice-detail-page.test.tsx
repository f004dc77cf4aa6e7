import { menuAbilities, type Notice } from "@duban/domain";
import { screen } from "@testing-library/react";
import { Route, Routes } from "react-router";
import { describe, expect, it } from "vitest";
import { mockApi } from "../../test/api-mock";
import { signedIn } from "../../test/fixtures";
import { renderInApp } from "../../test/render";
import { NoticeDetailPage } from "./notice-detail-page";

const notice: Notice = {
  id: "notice-1",
  planId: "plan-2023",
  node: { id: "task-9", title: "促进学前教育普及普惠发展", label: "9." },
  assignmentId: "assignment-1",
  unit: { id: "unit-kg", name: "西城幼儿园" },
  documentNumber: "督办〔2023〕12号",
  level: "red",
  source: "manual",
  reason: "进展滞后，请说明原因",
  replyDue: "2023-06-20",
  status: "open",
  closeNote: null,
  version: 0,
  createdAt: "2023-06-15T01:00:00.000Z",
  events: [],
  abilities: { reply: false, decide: false },
};

describe("NoticeDetailPage", () => {
  it("shows the notice's 文号 and links the 督办通知单 download", async () => {
    mockApi((request) => {
      if (request.url === "/api/notices/notice-1") return { status: 200, body: notice };
      if (request.url.startsWith("/api/instructions")) return { status: 200, body: { items: [], total: 0 } };
      return { status: 404 };
    });
    const actor = { userId: "user-1", tenantId: "tenant-1", unitId: null, roles: ["supervisor" as const] };
    renderInApp(
      <Routes>
        <Route path="/notices/:id" element={<NoticeDetailPage />} />
      </Routes>,
      { path: "/notices/notice-1", me: signedIn(["supervisor"], menuAbilities(actor)) },
    );
    expect(await screen.findByText("督办〔2023〕12号")).toBeTruthy();
    const download = screen.getByRole("link", { name: /下载督办通知单/ });
    expect(download.getAttribute("href")).toBe("/api/notices/notice-1/document");
  });
});
