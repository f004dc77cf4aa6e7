import type ExcelJS from "exceljs";

let loading: Promise<typeof ExcelJS> | null = null;

/**
 * exceljs, loaded on first use and kept: about 6 MB of live heap the server's start and its read paths do without.
 * Modules the server imports at start take only its types (`import type ExcelJS from "exceljs"`) and await this.
 */
export function loadExcel(): Promise<typeof ExcelJS> {
  // A failed load is not kept: the next export tries again.
  loading ??= import("exceljs").then(
    (loaded) => loaded.default,
    (err: unknown) => {
      loading = null;
      throw err;
    },
  );
  return loading;
}
