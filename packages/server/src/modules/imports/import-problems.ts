import { AppError } from "../../errors.js";

/** One rejected row of an import file: its Excel row number and why. */
export interface RowProblem {
  row: number;
  reason: string;
}

/** Collects every problem of a file, so the user can fix them all in one pass. */
export class ImportProblems {
  readonly rows: RowProblem[] = [];

  /** Notes a problem with one row. */
  add(row: number, reason: string): void {
    this.rows.push({ row, reason });
  }

  /** Throws 400 naming every bad row, when there is any; nothing is imported then. */
  throwIfAny(): void {
    if (this.rows.length === 0) return;
    this.rows.sort((a, b) => a.row - b.row);
    throw new AppError(
      "validation_failed",
      `文件中有 ${this.rows.length} 处错误，未导入任何数据，请按提示修改后重新上传`,
      { rows: this.rows },
    );
  }
}

/** A 400 about the whole file rather than one of its rows. */
export function badFile(message: string): AppError {
  return new AppError("bad_request", message);
}
