import type { Bulletin } from "@duban/domain";
import { fireEvent, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { Route, Routes } from "react-router";
import { describe, expect, it } from "vitest";
import { errorAnswer, mockApi } from "../../test/api-mock";
import { renderInApp } from "../../test/render";
import { BulletinPage } from "./bulletin-page";

/** A draft the 督查室 may edit, issue and delete: a heading, a paragraph and a small table. */
function draft(overrides: Partial<Bulletin> = {}): Bulletin {
  return {
    id: "b-1",
    planId: "plan-1",
    title: "2023年6月重点工作落实情况督查通报",
    from: "2023-06-01",
    to: "2023-06-15",
    status: "draft",
    number: null,
    issuedAt: null,
    version: 3,
    updatedAt: "2023-06-15T01:00:00.000Z",
    abilities: { edit: true, issue: true, delete: true },
    content: [
      { type: "heading", level: 1, text: "一、总体进展" },
      { type: "paragraph", text: "截至2023年6月15日，整体完成进度45.5%。" },
      {
        type: "table",
        rows: [
          ["单位", "未报送（次）"],
          ["城关幼儿园", "1"],
        ],
      },
    ],
    issuedBy: null,
    namedUnitIds: ["unit-1"],
    ...overrides,
  };
}

function renderPage() {
  return renderInApp(
    <Routes>
      <Route path="/bulletins/:id" element={<BulletinPage />} />
    </Routes>,
    { path: "/bulletins/b-1" },
  );
}

describe("BulletinPage", () => {
  it("saves an edited paragraph and table cell with the version it was edited from", async () => {
    const sent = mockApi((r) =>
      r.method === "PUT" ? { status: 200, body: draft({ version: 4 }) } : { status: 200, body: draft() },
    );
    renderPage();
    const paragraph = await screen.findByLabelText("第2块段落");
    fireEvent.change(paragraph, { target: { value: "截至2023年6月15日，整体完成进度46%。" } });
    fireEvent.change(screen.getByLabelText("第3块表格第2行第2列"), { target: { value: "2" } });
    await userEvent.setup({ delay: null }).click(screen.getByRole("button", { name: "保存" }));
    expect(await screen.findByText("已保存")).toBeTruthy();
    expect(sent.filter((s) => s.method === "PUT")).toEqual([
      {
        method: "PUT",
        url: "/api/bulletins/b-1",
        body: {
          title: "2023年6月重点工作落实情况督查通报",
          version: 3,
          content: [
            { type: "heading", level: 1, text: "一、总体进展" },
            { type: "paragraph", text: "截至2023年6月15日，整体完成进度46%。" },
            {
              type: "table",
              rows: [
                ["单位", "未报送（次）"],
                ["城关幼儿园", "2"],
              ],
            },
          ],
        },
      },
    ]);
  });

  it("keeps the user's text and says why when someone else saved first", async () => {
    mockApi((r) =>
      r.method === "PUT"
        ? errorAnswer(
            409,
            "stale_version",
            "该通报已被他人修改或印发，请刷新后再操作（您的修改仍保留在编辑器中）",
          )
        : { status: 200, body: draft() },
    );
    renderPage();
    const paragraph = await screen.findByLabelText("第2块段落");
    fireEvent.change(paragraph, { target: { value: "我改过的段落" } });
    await userEvent.setup({ delay: null }).click(screen.getByRole("button", { name: "保存" }));
    expect(
      await screen.findByText("该通报已被他人修改或印发，请刷新后再操作（您的修改仍保留在编辑器中）"),
    ).toBeTruthy();
    expect((screen.getByLabelText("第2块段落") as HTMLTextAreaElement).value).toBe("我改过的段落");
  });

  it("moves, removes and adds blocks", async () => {
    const sent = mockApi((r) =>
      r.method === "PUT" ? { status: 200, body: draft({ version: 4 }) } : { status: 200, body: draft() },
    );
    renderPage();
    const user = userEvent.setup({ delay: null });
    const second = await screen.findByRole("group", { name: "第2块" });
    await user.click(within(second).getByRole("button", { name: "上移" }));
    await user.click(
      within(screen.getByRole("group", { name: "第3块" })).getByRole("button", { name: "删除" }),
    );
    await user.click(screen.getByRole("button", { name: /添加段落/ }));
    await user.click(screen.getByRole("button", { name: "保存" }));
    await screen.findByText("已保存");
    expect(sent.find((s) => s.method === "PUT")?.body).toMatchObject({
      content: [
        { type: "paragraph", text: "截至2023年6月15日，整体完成进度45.5%。" },
        { type: "heading", level: 1, text: "一、总体进展" },
        { type: "paragraph", text: "" },
      ],
    });
  });

  it("shows an issued 通报 read-only with its 文号, and offers only the download", async () => {
    mockApi(() => ({
      status: 200,
      body: draft({
        status: "issued",
        number: "瓦教督通〔2023〕1号",
        issuedAt: "2023-06-15T02:00:00.000Z",
        issuedBy: { id: "u-1", name: "督查室王主任" },
        abilities: { edit: false, issue: false, delete: false },
      }),
    }));
    renderPage();
    expect(await screen.findByText("瓦教督通〔2023〕1号")).toBeTruthy();
    expect(screen.getByText("截至2023年6月15日，整体完成进度45.5%。")).toBeTruthy();
    expect(screen.queryByLabelText("第2块段落")).toBeNull();
    expect(screen.queryByRole("button", { name: "保存" })).toBeNull();
    expect(screen.queryByRole("button", { name: "印发" })).toBeNull();
    expect(screen.getByRole("link", { name: /下载 Word/ }).getAttribute("href")).toBe(
      "/api/bulletins/b-1/document",
    );
  });

  it("issues after confirmation and shows the 文号 the server gave", async () => {
    const issued = draft({
      status: "issued",
      number: "瓦教督通〔2023〕1号",
      version: 4,
      abilities: { edit: false, issue: false, delete: false },
    });
    const sent = mockApi((r) =>
      r.method === "POST" ? { status: 200, body: issued } : { status: 200, body: draft() },
    );
    renderPage();
    const user = userEvent.setup({ delay: null });
    await user.click(await screen.findByRole("button", { name: "印发" }));
    await screen.findByText(/印发后将编发文号/);
    // The confirmation's own 印发 button, after the page's.
    await user.click(screen.getAllByRole("button", { name: "印发" }).at(-1)!);
    expect(await screen.findByText("已印发，文号 瓦教督通〔2023〕1号")).toBeTruthy();
    expect(sent.filter((s) => s.method === "POST")).toEqual([
      { method: "POST", url: "/api/bulletins/b-1/issue", body: { version: 3 } },
    ]);
  });
});
