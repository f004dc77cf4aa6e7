import { type CountyOverview, menuAbilities, type Role } from "@duban/domain";
import { screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { mockApi } from "../../test/api-mock";
import { signedIn } from "../../test/fixtures";
import { renderInApp } from "../../test/render";
import { planCockpit } from "./cockpit-fixture";
import { CountiesCard } from "./counties-card";

const tally = { red: 0, yellow: 0, green: 0, grey: 0, blue: 0 };
const figures = (progress: number, light: "red" | "yellow", overdue: number) => ({
  handedDown: 2,
  pending: 0,
  linked: 2,
  returned: 0,
  light,
  lights: { ...tally, [light]: 2 },
  progress,
  overdue,
  lastApprovedAt: null,
  coverage: { reported: 0, expected: 0 },
});
const cockpit = planCockpit();
const overview: CountyOverview = {
  plan: { id: cockpit.planId, title: cockpit.planTitle },
  asOf: cockpit.asOf,
  itemCount: 2,
  counties: [
    { rank: 1, tenant: { id: "t-a", name: "甲县教育局" }, ...figures(60, "yellow", 0) },
    { rank: 2, tenant: { id: "t-b", name: "乙县教育局" }, ...figures(15, "red", 1) },
  ],
  totals: figures(37.5, "red", 1),
};

const me = (role: Role) =>
  signedIn([role], menuAbilities({ userId: "u", tenantId: "city", unitId: null, roles: [role] }));

function render(role: Role, below: number, kind: "plan" | "department" = "plan") {
  const urls = mockApi((r) => {
    if (r.url.startsWith("/api/cascade/subordinates"))
      return { status: 200, body: { items: [], total: below, page: 1, pageSize: 200, abilities: {} } };
    if (r.url === `/api/cascade/overview?planId=${cockpit.planId}&asOf=${cockpit.asOf}`)
      return { status: 200, body: overview };
    return { status: 404 };
  });
  renderInApp(<CountiesCard cockpit={{ ...cockpit, scope: { ...cockpit.scope, kind } }} />, { me: me(role) });
  return urls;
}

describe("CountiesCard (县区推进情况 on the cockpit)", () => {
  it("ranks a city's counties on the cockpit's day with their light, progress and overdue items", async () => {
    render("leader", 2);
    const card = (await screen.findByText("县区推进情况")).closest(".ant-card") as HTMLElement;
    await waitFor(() => expect(within(card).getAllByRole("row")).toHaveLength(3));
    const rows = within(card).getAllByRole("row").slice(1);
    expect(rows.map((r) => r.textContent)).toEqual(["1甲县教育局滞后60%0", "2乙县教育局逾期15%1"]);
    expect(within(card).getByRole("link", { name: "县区总览" }).getAttribute("href")).toBe(
      "/cascade?tab=counties",
    );
  });

  it("is absent for a bureau with nothing below it, asking for no overview", async () => {
    const sent = render("leader", 0);
    await waitFor(() => expect(sent.some((r) => r.url.startsWith("/api/cascade/subordinates"))).toBe(true));
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(screen.queryByText("县区推进情况")).toBeNull();
    expect(sent.filter((r) => r.url.startsWith("/api/cascade/overview"))).toEqual([]);
  });

  it("is absent on a department's cockpit and for a role that cannot read 上下联动, asking nothing", async () => {
    const department = render("department", 2);
    const scoped = render("leader", 2, "department");
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(screen.queryByText("县区推进情况")).toBeNull();
    expect([...department, ...scoped].filter((r) => r.url.startsWith("/api/cascade"))).toEqual([]);
  });
});
