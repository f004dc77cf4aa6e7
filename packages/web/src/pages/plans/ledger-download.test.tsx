import { screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import { renderInApp } from "../../test/render";
import { LedgerDownload } from "./ledger-download";

describe("LedgerDownload", () => {
  it("links today's 工作台账, then the one of a picked earlier day", async () => {
    renderInApp(<LedgerDownload planId="plan-2023" />);
    expect(screen.getByRole("link", { name: /下载台账/ }).getAttribute("href")).toBe(
      "/api/plans/plan-2023/ledger",
    );
    const user = userEvent.setup({ delay: null });
    const picker = screen.getByLabelText("台账截至日期");
    await user.click(picker);
    await user.type(picker, "2023-06-01{Enter}");
    await waitFor(() =>
      expect(screen.getByRole("link", { name: /下载2023-06-01台账/ }).getAttribute("href")).toBe(
        "/api/plans/plan-2023/ledger?asOf=2023-06-01",
      ),
    );
  });
});
