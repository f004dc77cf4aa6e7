import { menuAbilities, type Report } from "@duban/domain";
import { screen, waitFor } from "@testing-library/react";
import { Route, Routes } from "react-router";
import { afterEach, describe, expect, it, vi } from "vitest";
import { activeAssignment, publishedPlan, signedIn, submittedReport, taskNode } from "../../test/fixtures";
import { renderInApp } from "../../test/render";
import { TaskPage } from "./task-page";

const plan = publishedPlan([taskNode()]);
const page = (items: unknown[]) => ({ items, total: items.length, page: 1, pageSize: 20, abilities: {} });
const REPORT_ID = "6f1c2b8e-0d2a-4c1e-9a51-3f7a0e2b9c44";
const focused = submittedReport({ id: REPORT_ID, unit: { id: "unit-3", name: "第三中学" } });

/** Three assignments of the task: before, the page asked for each one's reports. */
const assignments = ["a-1", "a-2", "a-3"].map((id) =>
  activeAssignment({ id, unit: { id: `u-${id}`, name: `第${id}学校` } }),
);

/**
 * Stubs the API: the history answers when `release` is called, so the page can be seen while it loads.
 * Returns the URLs asked for and the release.
 */
function stubApi(history: Report[]) {
  const urls: string[] = [];
  let release = () => {};
  const held = new Promise<void>((resolve) => {
    release = resolve;
  });
  const json = (body: unknown) => new Response(JSON.stringify(body), { status: 200 });
  vi.stubGlobal(
    "fetch",
    vi.fn(async (url: string) => {
      urls.push(url);
      if (url === "/api/plans/plan-2023") return json(plan);
      if (url.startsWith("/api/nodes/node-1/assignments")) return json(page(assignments));
      if (url.startsWith("/api/nodes/node-1/reports")) {
        await held;
        return json(page(history));
      }
      if (url === `/api/reports/${REPORT_ID}`) return json(focused);
      return json(page([]));
    }),
  );
  return { urls, release };
}

function renderTask(hash = "") {
  renderInApp(
    <Routes>
      <Route path="/plans/:planId/tasks/:nodeId" element={<TaskPage />} />
    </Routes>,
    {
      path: `/plans/plan-2023/tasks/node-1${hash}`,
      me: signedIn(
        ["department"],
        menuAbilities({ userId: "user-1", tenantId: "tenant-1", unitId: "unit-edu", roles: ["department"] }),
      ),
    },
  );
}

const original = Element.prototype.scrollIntoView;
afterEach(() => {
  Element.prototype.scrollIntoView = original;
});

describe("TaskPage report history", () => {
  it("asks for the history in one paged request, not one per unit, and loads rather than saying 暂无填报", async () => {
    const api = stubApi([]);
    renderTask();
    expect(await screen.findByLabelText("正在加载填报记录")).toBeTruthy();
    await waitFor(() =>
      expect(api.urls.some((u) => u.startsWith("/api/nodes/node-1/assignments"))).toBe(true),
    );
    expect(screen.queryByText("暂无填报")).toBeNull();
    api.release();
    expect(await screen.findByText("暂无填报")).toBeTruthy();
    expect(api.urls.filter((u) => u.includes("/reports"))).toEqual([
      "/api/nodes/node-1/reports?page=1&pageSize=20",
    ]);
  });

  it("lands on the report a review link names: highlighted, shown once, and scrolled to once it has rendered", async () => {
    const scrolled: Element[] = [];
    Element.prototype.scrollIntoView = function (this: Element) {
      scrolled.push(this);
    };
    const api = stubApi([submittedReport(), focused]);
    renderTask(`#report-${REPORT_ID}`);
    api.release();
    await waitFor(() => expect(document.querySelectorAll('[id^="report-"]')).toHaveLength(2));
    const card = document.getElementById(`report-${REPORT_ID}`)!;
    expect(card.getAttribute("aria-current")).toBe("true");
    // The focused report comes first and is not repeated in the page of the history.
    expect([...document.querySelectorAll('[id^="report-"]')].map((e) => e.id)).toEqual([
      `report-${REPORT_ID}`,
      "report-report-1",
    ]);
    expect(scrolled).toEqual([card.parentElement]);
  });

  it("scrolls to the named report when the history arrives after it", async () => {
    const scrolled: Element[] = [];
    Element.prototype.scrollIntoView = function (this: Element) {
      scrolled.push(this);
    };
    const api = stubApi([submittedReport()]);
    renderTask(`#report-${REPORT_ID}`);
    await waitFor(() => expect(api.urls).toContain(`/api/reports/${REPORT_ID}`));
    // The report has answered; the history is still loading, so no card is drawn yet.
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(screen.getByLabelText("正在加载填报记录")).toBeTruthy();
    expect(scrolled).toEqual([]);
    api.release();
    await waitFor(() => expect(document.getElementById(`report-${REPORT_ID}`)).not.toBeNull());
    await waitFor(() =>
      expect(scrolled).toEqual([document.getElementById(`report-${REPORT_ID}`)!.parentElement]),
    );
  });
});
