import { fireEvent, screen, waitFor } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { activeAssignment } from "../../test/fixtures";
import { renderInApp } from "../../test/render";
import { TaskAssignments } from "./task-assignments";

afterEach(() => vi.unstubAllGlobals());

/** Stubs the API: 45 assignments in all, 20 a page, none once a keyword is asked. Returns the URLs asked for. */
function stubApi() {
  const urls: string[] = [];
  vi.stubGlobal(
    "fetch",
    vi.fn(async (url: string) => {
      urls.push(url);
      const query = new URL(url, "http://x").searchParams;
      const items = query.get("q")
        ? []
        : [activeAssignment({ id: "a-1", unit: { id: "u-1", name: "第一小学" } })];
      const total = query.get("q") ? 0 : 45;
      return new Response(
        JSON.stringify({ items, total, page: 1, pageSize: 20, abilities: { create: true } }),
        { status: 200 },
      );
    }),
  );
  return urls;
}

describe("TaskAssignments", () => {
  it("asks the server for one page, shows the total, and asks again with a keyword from the first page", async () => {
    const urls = stubApi();
    renderInApp(<TaskAssignments nodeId="node-1" canAssign />);
    expect(await screen.findByText("第一小学")).toBeTruthy();
    expect(screen.getByText("共 45 条")).toBeTruthy();
    expect(urls.filter((u) => u.startsWith("/api/nodes/"))).toEqual([
      "/api/nodes/node-1/assignments?page=1&pageSize=20",
    ]);
    const search = screen.getByRole("searchbox", { name: "按单位名称或责任人搜索" });
    fireEvent.change(search, { target: { value: "实验" } });
    fireEvent.keyDown(search, { key: "Enter", code: "Enter", keyCode: 13 });
    expect(await screen.findByText("没有符合条件的交办单位")).toBeTruthy();
    await waitFor(() =>
      expect(urls.at(-1)).toBe(
        `/api/nodes/node-1/assignments?q=${encodeURIComponent("实验")}&page=1&pageSize=20`,
      ),
    );
  });
});
