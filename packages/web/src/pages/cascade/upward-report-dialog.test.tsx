import type { HandDown, UpwardCompose, UpwardReport } from "@duban/domain";
import { configure, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import { mockApi } from "../../test/api-mock";
import { receivedHandDown } from "../../test/fixtures";
import { renderInApp } from "../../test/render";
import { CountyUpwardDialog } from "./county-upward-dialog";
import { UpwardReportDialog } from "./upward-report-dialog";

configure({ asyncUtilTimeout: 5000 });

const item = receivedHandDown({
  status: "linked",
  linkedNode: { id: "node-9", planId: "plan-1", label: "9.", title: "促进学前教育普及普惠发展" },
  version: 1,
  abilities: { link: false, return: false },
});

const sent: UpwardReport = {
  id: "up-1",
  tenant: { id: "county", name: "瓦房店市教育局" },
  version: 1,
  text: "本县新增公办学位120个",
  progress: 20,
  light: "yellow",
  files: [{ id: "file-1", filename: "照片.png", mime: "image/png", size: 68, previewable: true }],
  submittedAt: "2023-06-15T02:00:00.000Z",
};

const compose: UpwardCompose = {
  draft: {
    text: "西城幼儿园：新增公办学位120个",
    progress: 20,
    light: "yellow",
    files: [
      {
        id: "file-1",
        filename: "照片.png",
        mime: "image/png",
        size: 68,
        previewable: true,
        report: { id: "r1", cycle: "2023年6月", unit: "西城幼儿园" },
      },
    ],
  },
  reports: [],
  version: 0,
  abilities: { submit: true },
};

describe("向上报送", () => {
  it("prefills the summary, sends the chosen approved files after confirmation", async () => {
    const requests = mockApi((r) =>
      r.method === "POST" ? { status: 201, body: sent } : { status: 200, body: compose },
    );
    renderInApp(<UpwardReportDialog item={item} onClose={() => undefined} />);
    const dialog = await screen.findByRole("dialog");
    expect(await within(dialog).findByDisplayValue("西城幼儿园：新增公办学位120个")).toBeTruthy();
    expect(within(dialog).getByText("尚未向上报送")).toBeTruthy();
    await userEvent.click(
      within(dialog).getByRole("checkbox", { name: "照片.png（西城幼儿园 · 2023年6月）" }),
    );
    await userEvent.click(within(dialog).getByRole("button", { name: "报送" }));
    await userEvent.click(await screen.findByRole("button", { name: "确认报送" }));
    await waitFor(() => expect(requests.some((r) => r.method === "POST")).toBe(true));
    expect(requests.find((r) => r.method === "POST")).toEqual({
      method: "POST",
      url: "/api/cascade/inbox/link-1/upward-reports",
      body: { version: 0, text: "西城幼儿园：新增公办学位120个", fileIds: ["file-1"] },
    });
  });

  it("asks to link first when the hand-down is not linked", async () => {
    mockApi(() => ({ status: 200, body: { ...compose, draft: null, abilities: { submit: false } } }));
    renderInApp(<UpwardReportDialog item={{ ...item, status: "pending" }} onClose={() => undefined} />);
    expect(await screen.findByText("请先接收并关联到本局的任务，再向上报送")).toBeTruthy();
    expect(screen.getByRole("button", { name: "报送" }).hasAttribute("disabled")).toBe(true);
  });

  it("shows the superior a county's reports with links to their files, or says there are none", async () => {
    const handDown = {
      id: "hd-1",
      node: { id: "n", label: "9.", title: "促进学前教育普及普惠发展" },
    } as HandDown;
    mockApi((r) =>
      r.url.includes("tenantId=other")
        ? { status: 200, body: { items: [], total: 0, page: 1, pageSize: 200, abilities: {} } }
        : { status: 200, body: { items: [sent], total: 1, page: 1, pageSize: 200, abilities: {} } },
    );
    const { unmount } = renderInApp(
      <CountyUpwardDialog handDown={handDown} county={sent.tenant} onClose={() => undefined} />,
    );
    const link = await screen.findByRole("link", { name: "照片.png" });
    expect(link.getAttribute("href")).toBe("/api/upward-reports/up-1/files/file-1");
    unmount();
    renderInApp(
      <CountyUpwardDialog
        handDown={handDown}
        county={{ id: "other", name: "普兰店区教育局" }}
        onClose={() => undefined}
      />,
    );
    expect(await screen.findByText("该县尚未向上报送")).toBeTruthy();
  });
});
