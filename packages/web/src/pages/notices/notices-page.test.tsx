import { menuAbilities } from "@duban/domain";
import { screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import { mockApi } from "../../test/api-mock";
import { signedIn } from "../../test/fixtures";
import { renderInApp } from "../../test/render";
import { NoticesPage } from "./notices-page";

const abilities = { create: true, scan: true, export: true, seeAllUnits: true };
const actor = {
  userId: "user-1",
  tenantId: "tenant-1",
  unitId: "unit-office",
  roles: ["supervisor" as const],
};

describe("NoticesPage keyword", () => {
  it("asks the server for the keyword and exports the same filter", async () => {
    const sent = mockApi((req) => {
      if (req.url.startsWith("/api/notices"))
        return { status: 200, body: { items: [], total: 0, page: 1, pageSize: 20, abilities } };
      return { status: 200, body: { items: [], total: 0, page: 1, pageSize: 20 } };
    });
    renderInApp(<NoticesPage />, { me: signedIn(["supervisor"], menuAbilities(actor)) });
    const user = userEvent.setup({ delay: null });
    await user.type(screen.getByRole("searchbox", { name: "搜索督办单" }), " 西城 {Enter}");
    await waitFor(() =>
      expect(sent.map((r) => r.url)).toContain("/api/notices?q=%E8%A5%BF%E5%9F%8E&page=1&pageSize=20"),
    );
    const exportLink = await screen.findByRole("link", { name: /导出/ });
    expect(exportLink.getAttribute("href")).toBe("/api/notices/export.xlsx?q=%E8%A5%BF%E5%9F%8E");
  });
});

describe("NoticesPage (督办台账)", () => {
  it("opens filtered as a link's address says: this plan's 督办单 of one level", async () => {
    const sent = mockApi((r) =>
      r.url.startsWith("/api/notices?")
        ? { status: 200, body: { items: [], total: 0, page: 1, pageSize: 20, abilities: {} } }
        : { status: 200, body: { items: [], total: 0, page: 1, pageSize: 200 } },
    );
    const actor = {
      userId: "user-1",
      tenantId: "tenant-1",
      unitId: "unit-1",
      roles: ["supervisor" as const],
    };
    renderInApp(<NoticesPage />, {
      path: "/notices?planId=plan-2023&level=red",
      me: signedIn(["supervisor"], menuAbilities(actor)),
    });
    await waitFor(() =>
      expect(sent.map((r) => r.url)).toContain("/api/notices?planId=plan-2023&level=red&page=1&pageSize=20"),
    );
    expect(screen.getByText("红色督办")).toBeTruthy();
    expect(screen.getByText("仅本计划")).toBeTruthy();
  });
});
