import { type AssessmentSchemeView, defaultAssessmentScheme } from "@duban/domain";
import { fireEvent, screen } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { mockApi } from "../../test/api-mock";
import { renderInApp } from "../../test/render";
import { AssessmentEntriesPage } from "./assessment-entries-page";

const scheme: AssessmentSchemeView = {
  planId: "plan-2",
  scheme: defaultAssessmentScheme(),
  version: 1,
  isDefault: false,
  lockedAt: null,
  abilities: { edit: false, run: false },
};

const entry = {
  id: "entry-1",
  planId: "plan-2",
  unitId: "unit-1",
  unitName: "西城幼儿园",
  itemKey: "bonus",
  points: 2,
  reason: "获评市级示范园",
  fileIds: [],
  createdBy: { id: "user-1", name: "学前教育科" },
  createdAt: "2023-06-15T01:00:00.000Z",
  revokedAt: null,
  revokeReason: null,
  abilities: { revoke: true },
};

describe("AssessmentEntriesPage", () => {
  it("shows a department the entries of the plan in the address and lets it enter more", async () => {
    const sent = mockApi((r) => {
      const path = r.url.split("?")[0];
      if (path === "/api/plans")
        return {
          status: 200,
          body: {
            items: [
              { id: "plan-1", title: "2024年工作要点" },
              { id: "plan-2", title: "2023年工作要点" },
            ],
            total: 2,
            page: 1,
            pageSize: 200,
            abilities: {},
          },
        };
      if (path === "/api/plans/plan-2/assessment-scheme") return { status: 200, body: scheme };
      if (path === "/api/plans/plan-2/assessment-entries")
        return {
          status: 200,
          body: {
            items: [entry],
            total: 1,
            page: 1,
            pageSize: 20,
            abilities: { create: true, seeAll: false },
          },
        };
      return { status: 404, body: { error: { code: "not_found", message: "不存在" } } };
    });
    renderInApp(<AssessmentEntriesPage />, { path: "/assessment-entries?plan=plan-2" });
    expect(await screen.findByText("获评市级示范园")).toBeTruthy();
    expect(screen.getByText("西城幼儿园")).toBeTruthy();
    expect(screen.getByRole("button", { name: /录入加减分/ })).toBeTruthy();
    fireEvent.click(screen.getByRole("button", { name: /录入加减分/ }));
    fireEvent.mouseDown(await screen.findByRole("combobox", { name: "考评项" }));
    // A department enters 加分 / 扣分; the 一票否决 items are the 督查室's.
    expect((await screen.findAllByText("加减分")).length).toBeGreaterThan(0);
    expect(screen.queryByText(/（一票否决）/)).toBeNull();
    // The plan of the address, not the first one listed.
    expect(sent.some((s) => s.url.startsWith("/api/plans/plan-1/"))).toBe(false);
  });
});
