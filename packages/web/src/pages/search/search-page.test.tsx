import type { SearchPage as SearchAnswer } from "@duban/domain";
import { screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { Route, Routes } from "react-router";
import { describe, expect, it } from "vitest";
import { mockApi } from "../../test/api-mock";
import { renderInApp } from "../../test/render";
import { SearchPage } from "./search-page";

const answer: SearchAnswer = {
  items: [
    {
      kind: "milestone",
      id: "m1",
      title: "争取瓦房店市西城幼儿园分园在2023年9月开园",
      snippet: "争取瓦房店市西城幼儿园分园在2023年9月开园",
      link: "/plans/p1/tasks/n9",
    },
    { kind: "unit", id: "u1", title: "西城幼儿园", snippet: "西城幼儿园 复州城镇", link: "/units/u1/work" },
  ],
  total: 2,
  page: 1,
  pageSize: 20,
  abilities: {},
  counts: {
    task: 0,
    measure: 0,
    milestone: 1,
    report: 0,
    notice: 0,
    rectification: 0,
    instruction: 0,
    unit: 1,
  },
};

describe("SearchPage", () => {
  it("lists the hits with their kind and link, counts per kind, and asks again for one kind", async () => {
    const sent = mockApi(() => ({ status: 200, body: answer }));
    renderInApp(
      <Routes>
        <Route path="/search" element={<SearchPage />} />
      </Routes>,
      { path: "/search?q=%E5%B9%BC%E5%84%BF%E5%9B%AD%20%E5%88%86%E5%9B%AD" },
    );
    const link = await screen.findByRole("link", { name: "争取瓦房店市西城幼儿园分园在2023年9月开园" });
    expect(link.getAttribute("href")).toBe("/plans/p1/tasks/n9");
    expect(screen.getByRole("link", { name: "西城幼儿园" }).getAttribute("href")).toBe("/units/u1/work");
    expect(screen.getByText("节点 1")).toBeTruthy();
    await userEvent.setup({ delay: null }).click(screen.getByText("单位 1"));
    await screen.findByText("单位 1");
    expect(sent.map((s) => s.url)).toEqual([
      "/api/search?q=%E5%B9%BC%E5%84%BF%E5%9B%AD+%E5%88%86%E5%9B%AD&page=1&pageSize=20",
      "/api/search?q=%E5%B9%BC%E5%84%BF%E5%9B%AD+%E5%88%86%E5%9B%AD&kind=unit&page=1&pageSize=20",
    ]);
  });

  it("asks nothing and says what to do without words", async () => {
    const sent = mockApi(() => ({ status: 200, body: answer }));
    renderInApp(
      <Routes>
        <Route path="/search" element={<SearchPage />} />
      </Routes>,
      { path: "/search" },
    );
    expect(await screen.findByText("请在页面顶部的搜索框输入关键词")).toBeTruthy();
    expect(sent).toEqual([]);
  });
});
