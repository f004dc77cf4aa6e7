import { screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import { errorAnswer, mockApi } from "../../test/api-mock";
import { renderInApp } from "../../test/render";
import { RoundImportDialog } from "./round-import-dialog";

describe("RoundImportDialog", () => {
  it("lists every refused row with its field and message, and a problem of the whole file", async () => {
    const sent = mockApi(() =>
      errorAnswer(400, "validation_failed", "文件中有 2 处错误，未导入任何数据，请按提示修改后重新上传", [
        { row: null, field: null, message: "模板的表头被修改过，请重新下载模板" },
        { row: 5, field: "在园幼儿数", message: "在园幼儿数应为不小于 0 的整数" },
      ]),
    );
    renderInApp(<RoundImportDialog roundId="round-1" onClose={() => {}} />);
    const user = userEvent.setup({ delay: null });
    const dialog = screen.getByRole("dialog", { name: "Excel 导入填报数据" });
    const input = dialog.querySelector('input[type="file"]') as HTMLInputElement;
    await user.upload(input, new File(["x"], "填报.xlsx", { type: "application/octet-stream" }));
    await user.click(within(dialog).getByRole("button", { name: "开始导入" }));
    const table = await within(dialog).findByRole("table");
    expect(
      within(table)
        .getAllByRole("row")
        .map((r) => r.textContent),
    ).toEqual([
      "行字段问题",
      "整个文件—模板的表头被修改过，请重新下载模板",
      "5在园幼儿数在园幼儿数应为不小于 0 的整数",
    ]);
    expect(
      within(dialog).getByText("文件中有 2 处错误，未导入任何数据，请按提示修改后重新上传"),
    ).toBeTruthy();
    expect(sent.map((r) => [r.method, r.url])).toEqual([["POST", "/api/form-rounds/round-1/import"]]);
  });
});
