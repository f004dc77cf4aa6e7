import type { DraftNode } from "@duban/domain";
import { fireEvent, screen, within } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";
import { renderInApp } from "../../test/render";
import { NodeSources } from "./node-sources";
import { SourcePane } from "./source-pane";

const text =
  "示范县教育局2024年工作要点\n1.加强理论武装。\n附件\n序号\t重点任务\t牵头单位\n1\t加强理论武装\t组织科";
const rowSpan: [number, number] = [text.indexOf("1\t加强"), text.length];

/** Task 1, completed by row 2 of the attached table. */
const task: DraftNode = {
  key: "k1",
  level: "task",
  label: "1.",
  number: 1,
  title: "加强理论武装",
  text: "加强理论武装。",
  span: [text.indexOf("1.加强"), text.indexOf("1.加强") + 9],
  measures: [],
  targets: [],
  milestones: [],
  ownersText: { lead: ["组织科"], co: [] },
  leadUnitId: null,
  coUnitIds: [],
  deadline: null,
  children: [],
  sources: {
    rows: [{ table: "表1", row: 2, span: rowSpan }],
    owners: { from: "table", table: "表1", row: 2, span: rowSpan },
    deadline: null,
  },
};

describe("the source pane", () => {
  it("shows table lines as a table and highlights the rows the selected task came from", () => {
    renderInApp(
      <SourcePane
        text={text}
        nodes={[task]}
        selectedKey="k1"
        selectedSpan={task.span}
        selectedRows={[rowSpan]}
        onSelect={() => {}}
      />,
    );
    const table = screen.getByRole("table");
    const rows = within(table).getAllByRole("row");
    expect(
      rows.map((r) =>
        within(r)
          .getAllByRole("cell")
          .map((c) => c.textContent),
      ),
    ).toEqual([
      ["序号", "重点任务", "牵头单位"],
      ["1", "加强理论武装", "组织科"],
    ]);
    expect(rows.map((r) => r.getAttribute("aria-current"))).toEqual([null, "true"]);
    expect(screen.getByRole("region", { name: "原文" }).textContent).toContain("1.加强理论武装。\n附件\n");
  });
});

describe("the node's sources", () => {
  it("says which row gave the units and brings it into view on click", () => {
    const onShowRow = vi.fn();
    renderInApp(<NodeSources node={task} onShowRow={onShowRow} />);
    expect(screen.getByText(/责任单位来自/).textContent).toBe("责任单位来自：表1 第2行");
    fireEvent.click(screen.getAllByRole("button", { name: "表1 第2行" })[0]!);
    expect(onShowRow).toHaveBeenCalledWith(rowSpan);
  });

  it("shows nothing for a task read from prose alone", () => {
    const { container } = renderInApp(<NodeSources node={{ ...task, sources: null }} />);
    expect(container.textContent).toBe("");
  });
});
