import { afterEach, describe, expect, it, vi } from "vitest";

afterEach(() => {
  vi.doUnmock("exceljs");
  vi.resetModules();
});

describe("loadExcel", () => {
  it("loads exceljs once and hands the same module to every caller", async () => {
    const { loadExcel } = await import("./excel-module.js");
    const [a, b] = await Promise.all([loadExcel(), loadExcel()]);
    expect(a).toBe(b);
    expect(typeof new a.Workbook().addWorksheet).toBe("function");
  });

  it("tries again after a failed load instead of keeping the failure", async () => {
    vi.resetModules();
    vi.doMock("exceljs", () => {
      throw new Error("exceljs missing");
    });
    const { loadExcel } = await import("./excel-module.js");
    await expect(loadExcel()).rejects.toThrow(/exceljs missing|error when mock/);
    vi.doUnmock("exceljs");
    const excel = await loadExcel();
    expect(typeof excel.Workbook).toBe("function");
  });
});
