import type { DocumentNumberSettings } from "@duban/domain";
import { screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import { errorAnswer, mockApi } from "../../test/api-mock";
import { renderInApp } from "../../test/render";
import { DocumentNumbersPage } from "./document-numbers-page";

/** The settings at a version, with the 通报 prefix given. */
function settings(version: number, bulletin: string, update = true): DocumentNumberSettings {
  return {
    series: [
      {
        series: "bulletin",
        label: "督查通报",
        prefix: bulletin,
        isDefault: version === 0,
        example: `${bulletin}〔2023〕1号`,
      },
      {
        series: "notice",
        label: "督办通知单",
        prefix: "督办",
        isDefault: version === 0,
        example: "督办〔2023〕1号",
      },
    ],
    version,
    abilities: { update },
  };
}

describe("文号设置", () => {
  it("shows each series' prefix and first number, and saves both at the version read", async () => {
    const sent = mockApi((r) =>
      r.method === "PUT"
        ? { status: 200, body: settings(2, "瓦教督查通") }
        : { status: 200, body: settings(0, "瓦教督通") },
    );
    renderInApp(<DocumentNumbersPage />, { path: "/settings/document-numbers" });
    const bulletin = await screen.findByLabelText("督查通报文号前缀");
    await waitFor(() => expect((bulletin as HTMLInputElement).value).toBe("瓦教督通"));
    expect(screen.getByText("今年第一个：瓦教督通〔2023〕1号（默认）")).toBeTruthy();
    const user = userEvent.setup({ delay: null });
    await user.clear(bulletin);
    await user.type(bulletin, "瓦教督查通");
    await user.click(screen.getByRole("button", { name: "保存" }));
    await waitFor(() => expect(sent.some((r) => r.method === "PUT")).toBe(true));
    expect(sent.find((r) => r.method === "PUT")).toEqual({
      method: "PUT",
      url: "/api/settings/document-numbers",
      body: { bulletin: "瓦教督查通", notice: "督办", version: 0 },
    });
    expect(await screen.findByText("文号设置已保存")).toBeTruthy();
  });

  it("says someone else saved first, and reloads their prefixes instead of overwriting them", async () => {
    let saved = false;
    mockApi((r) => {
      if (r.method === "PUT") {
        saved = true;
        return errorAnswer(409, "stale_version", "数据已被他人修改，请刷新后重试");
      }
      return { status: 200, body: saved ? settings(2, "瓦教通") : settings(0, "瓦教督通") };
    });
    renderInApp(<DocumentNumbersPage />, { path: "/settings/document-numbers" });
    const bulletin = await screen.findByLabelText("督查通报文号前缀");
    await waitFor(() => expect((bulletin as HTMLInputElement).value).toBe("瓦教督通"));
    const user = userEvent.setup({ delay: null });
    await user.clear(bulletin);
    await user.type(bulletin, "瓦教督查通");
    await user.click(screen.getByRole("button", { name: "保存" }));
    await waitFor(() => expect((bulletin as HTMLInputElement).value).toBe("瓦教通"));
    expect(screen.getByText("今年第一个：瓦教通〔2023〕1号")).toBeTruthy();
  });

  it("shows a leader the prefixes without a save button", async () => {
    mockApi(() => ({ status: 200, body: settings(2, "瓦教督通", false) }));
    renderInApp(<DocumentNumbersPage />, { path: "/settings/document-numbers" });
    const bulletin = await screen.findByLabelText("督查通报文号前缀");
    await waitFor(() => expect((bulletin as HTMLInputElement).value).toBe("瓦教督通"));
    expect((bulletin as HTMLInputElement).disabled).toBe(true);
    expect(screen.queryByRole("button", { name: "保存" })).toBeNull();
  });
});
