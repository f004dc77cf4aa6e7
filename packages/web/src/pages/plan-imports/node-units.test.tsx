import type { DraftNode } from "@duban/domain";
import { screen } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { mockApi } from "../../test/api-mock";
import { renderInApp } from "../../test/render";
import { NodeUnits } from "./node-units";

/** Task 21 of the seed plan as imported: no owners in the text, its lead suggested from the dictionary. */
const task21: DraftNode = {
  key: "k21",
  level: "task",
  label: "21.",
  number: 21,
  title: "落实教育优先发展战略地位",
  text: "落实教育优先发展战略地位。做好全市教育经费保障工作。",
  span: [0, 10],
  measures: [],
  targets: [],
  milestones: [],
  ownersText: null,
  leadUnitId: "unit-finance",
  coUnitIds: [],
  deadline: null,
  children: [],
};

describe("NodeUnits", () => {
  it("says which keywords suggested the lead unit", async () => {
    mockApi(() => ({ status: 200, body: { items: [], total: 0 } }));
    renderInApp(
      <NodeUnits node={task21} leadKeywords={["经费", "工资"]} readOnly={false} onChange={() => {}} />,
    );
    expect(await screen.findByText("按关键词“经费”“工资”推荐，请核对")).toBeTruthy();
  });

  it("shows what the document says instead, when it names the lead", async () => {
    mockApi(() => ({ status: 200, body: { items: [], total: 0 } }));
    const named = { ...task21, ownersText: { lead: ["计划财务科"], co: [] } };
    renderInApp(<NodeUnits node={named} leadKeywords={[]} readOnly={false} onChange={() => {}} />);
    expect(await screen.findByText("文中：计划财务科牵头")).toBeTruthy();
  });
});
