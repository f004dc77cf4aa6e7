import type { ReceivedHandDown } from "@duban/domain";
import { screen, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { mockApi } from "../../test/api-mock";
import { receivedHandDown } from "../../test/fixtures";
import { renderInApp } from "../../test/render";
import { CascadePage } from "./cascade-page";

const pending = receivedHandDown();

/** The API: no bureaus below, the inbox holding the item, and the item by its id. */
function api(item: ReceivedHandDown) {
  return mockApi((req) => {
    const page = (items: unknown[]) => ({ items, total: items.length, page: 1, pageSize: 20, abilities: {} });
    if (req.url.startsWith("/api/cascade/subordinates")) return { status: 200, body: page([]) };
    if (req.url === "/api/cascade/inbox/link-1") return { status: 200, body: item };
    if (req.url.startsWith("/api/cascade/inbox?")) return { status: 200, body: page([item]) };
    return { status: 404 };
  });
}

describe("CascadePage 上级下达", () => {
  it("opens a hand-down named in the address to 接收, as 我的工作 links it", async () => {
    api(pending);
    renderInApp(<CascadePage />, { path: "/cascade?tab=inbox&received=link-1" });
    const dialog = await screen.findByRole("dialog");
    expect(within(dialog).getByText("接收上级下达的任务")).toBeTruthy();
    expect(within(dialog).getByText("大连市教育局：9.促进学前教育普及普惠发展")).toBeTruthy();
  });

  it("opens nothing for a named hand-down that is already linked", async () => {
    api({ ...pending, status: "linked", abilities: { link: false, return: false } });
    renderInApp(<CascadePage />, { path: "/cascade?tab=inbox&received=link-1" });
    expect(await screen.findByText("已关联")).toBeTruthy();
    expect(screen.queryByRole("dialog")).toBeNull();
  });
});
