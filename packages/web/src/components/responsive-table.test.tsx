import { act, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { Button, type TableColumnsType } from "antd";
import { afterEach, describe, expect, it, vi } from "vitest";
import { renderInApp } from "../test/render";
import { setViewportWidth } from "../test/viewport";
import { cardListLabel, ResponsiveTable } from "./responsive-table";

const cards = () => within(screen.getByRole("list", { name: cardListLabel })).getAllByRole("listitem");

interface Row {
  id: string;
  title: string;
  unit: string;
  note: string | null;
}

const rows: Row[] = [
  { id: "a", title: "落实“双减”政策", unit: "第一中学", note: "按期" },
  { id: "b", title: "校园安全排查", unit: "西城幼儿园", note: null },
];

function columns(onAct: (id: string) => void): TableColumnsType<Row> {
  return [
    { title: "任务", dataIndex: "title" },
    { title: "责任单位", key: "unit", render: (_, r) => r.unit },
    { title: "备注", dataIndex: "note" },
    { title: "操作", key: "actions", render: (_, r) => <Button onClick={() => onAct(r.id)}>填报</Button> },
  ];
}

afterEach(() => setViewportWidth(1024));

describe("ResponsiveTable", () => {
  it("shows a table with column headers from the md breakpoint up", () => {
    setViewportWidth(1440);
    renderInApp(<ResponsiveTable<Row> rowKey="id" columns={columns(vi.fn())} dataSource={rows} />);
    expect(screen.getByRole("table")).toBeTruthy();
    expect(screen.getByRole("columnheader", { name: "责任单位" })).toBeTruthy();
    expect(screen.queryByRole("list", { name: cardListLabel })).toBeNull();
  });

  it("shows one card per row on a phone: the first column as heading, the others labelled, blanks left out", () => {
    setViewportWidth(390);
    renderInApp(<ResponsiveTable<Row> rowKey="id" columns={columns(vi.fn())} dataSource={rows} />);
    expect(screen.queryByRole("table")).toBeNull();
    const [first, second, ...more] = cards();
    expect(more).toHaveLength(0);
    expect(first!.textContent).toBe("落实“双减”政策责任单位第一中学备注按期填报");
    // The second row has no 备注, so the card has no empty 备注 line.
    expect(second!.textContent).toBe("校园安全排查责任单位西城幼儿园填报");
  });

  it("opens a row from its card, and a button on the card acts without opening the row", async () => {
    setViewportWidth(390);
    const open = vi.fn();
    const act1 = vi.fn();
    renderInApp(
      <ResponsiveTable<Row>
        rowKey="id"
        columns={columns(act1)}
        dataSource={rows}
        onRow={(r) => ({ onClick: () => open(r.id) })}
      />,
    );
    const user = userEvent.setup();
    await user.click(within(cards()[1]!).getByText("西城幼儿园"));
    expect(open).toHaveBeenCalledExactlyOnceWith("b");
    await user.click(within(cards()[0]!).getByRole("button", { name: "填报" }));
    expect(act1).toHaveBeenCalledExactlyOnceWith("a");
    expect(open).toHaveBeenCalledTimes(1);
  });

  it("pages on the server with the table's pagination, and shows the empty text", async () => {
    setViewportWidth(390);
    const onChange = vi.fn();
    const { unmount } = renderInApp(
      <ResponsiveTable<Row>
        rowKey="id"
        columns={columns(vi.fn())}
        dataSource={rows}
        pagination={{ current: 1, pageSize: 2, total: 5, onChange }}
      />,
    );
    await userEvent.setup().click(screen.getByTitle("下一页"));
    expect(onChange).toHaveBeenCalledExactlyOnceWith(2, 2);
    unmount();
    renderInApp(
      <ResponsiveTable<Row>
        rowKey="id"
        columns={columns(vi.fn())}
        dataSource={[]}
        locale={{ emptyText: "暂无督办单" }}
      />,
    );
    expect(screen.getByText("暂无督办单")).toBeTruthy();
  });

  it("pages a client-paged list itself and lists a tree's children after their parent", async () => {
    setViewportWidth(390);
    type Node = Row & { children?: Node[] };
    const tree: Node[] = [
      { ...rows[0]!, children: [{ id: "a1", title: "子任务", unit: "第二中学", note: null }] },
      rows[1]!,
    ];
    renderInApp(
      <ResponsiveTable<Node>
        rowKey="id"
        columns={columns(vi.fn())}
        dataSource={tree}
        pagination={{ pageSize: 2 }}
      />,
    );
    const headings = () => cards().map((c) => c.querySelector("strong")?.textContent);
    expect(headings()).toEqual(["落实“双减”政策", "子任务"]);
    await userEvent.setup().click(screen.getByTitle("下一页"));
    expect(headings()).toEqual(["校园安全排查"]);
  });

  it("switches between table and cards when the window crosses md", async () => {
    setViewportWidth(390);
    renderInApp(<ResponsiveTable<Row> rowKey="id" columns={columns(vi.fn())} dataSource={rows} />);
    expect(screen.queryByRole("table")).toBeNull();
    await act(async () => setViewportWidth(1024));
    expect(screen.getByRole("table")).toBeTruthy();
  });
});
