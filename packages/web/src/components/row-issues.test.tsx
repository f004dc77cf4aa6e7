import { render } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { RowIssues } from "./row-issues";

describe("RowIssues", () => {
  it("names each issue by its row, counted from 1, in the order given", () => {
    const { container } = render(
      <RowIssues
        issues={[
          { path: "days.3.date", message: "日期不在 2024 年内" },
          { path: "days.0.kind", message: "周一不能设为调休上班" },
        ]}
      />,
    );
    expect([...container.querySelectorAll("div")].map((d) => d.textContent)).toEqual([
      "第 4 行：日期不在 2024 年内",
      "第 1 行：周一不能设为调休上班",
    ]);
  });
});
