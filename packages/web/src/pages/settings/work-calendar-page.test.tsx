import type { WorkCalendarOverview, WorkCalendarYear } from "@duban/domain";
import { screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import { mockApi } from "../../test/api-mock";
import { renderInApp } from "../../test/render";
import { CalendarMissingNotice } from "./calendar-missing-notice";
import { WorkCalendarPage } from "./work-calendar-page";

const message2027 = "2027 年的法定节假日安排尚未录入，按周一至周五计算工作日";

const overview: WorkCalendarOverview = {
  years: [{ year: 2026, source: "official", holidays: 33, workdays: 6 }],
  missing: [{ year: 2027, message: message2027 }],
  abilities: { update: true },
};

const year2027: WorkCalendarYear = {
  year: 2027,
  source: "none",
  officialSource: null,
  days: [],
  version: 0,
  updatedAt: null,
  missingMessage: message2027,
  abilities: { update: true },
};

function answer(url: string, method: string) {
  if (url === "/api/work-calendar") return { status: 200, body: overview };
  if (url === "/api/work-calendar/2027" && method === "PUT")
    return {
      status: 200,
      body: { ...year2027, source: "custom", version: 1, missingMessage: null },
    };
  return { status: 200, body: year2027 };
}

describe("工作日历", () => {
  it("names the missing year once and saves the days the admin enters at the version read", async () => {
    const sent = mockApi((r) => answer(r.url, r.method));
    renderInApp(<WorkCalendarPage />, { path: "/settings/work-calendar?year=2027" });
    expect(await screen.findByText(message2027)).toBeTruthy();
    expect(await screen.findByText("尚未录入")).toBeTruthy();
    expect(screen.getAllByText(message2027)).toHaveLength(1);
    const user = userEvent.setup({ delay: null });
    await user.click(screen.getByRole("button", { name: /添加日期/ }));
    const date = screen.getByLabelText("日期");
    await user.clear(date);
    await user.type(date, "2027-01-01");
    await user.type(screen.getByLabelText("节日"), "元旦");
    await user.click(screen.getByRole("button", { name: "保存" }));
    await waitFor(() => expect(sent.some((r) => r.method === "PUT")).toBe(true));
    expect(sent.find((r) => r.method === "PUT")).toEqual({
      method: "PUT",
      url: "/api/work-calendar/2027",
      body: { days: [{ date: "2027-01-01", kind: "holiday", name: "元旦" }], version: 0 },
    });
  });

  it("warns in the 催办 settings of a year without an arrangement, with a link for the admin", async () => {
    mockApi((r) => answer(r.url, r.method));
    renderInApp(<CalendarMissingNotice />);
    expect(await screen.findByText(message2027)).toBeTruthy();
    expect(screen.getByRole("link", { name: "到工作日历录入 2027 年的安排" }).getAttribute("href")).toBe(
      "/settings/work-calendar?year=2027",
    );
  });
});
