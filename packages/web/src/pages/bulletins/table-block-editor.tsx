import { Button, Input, Space } from "antd";

/** The rows with one cell replaced. */
function setCell(rows: string[][], r: number, c: number, text: string): string[][] {
  return rows.map((row, i) => (i === r ? row.map((cell, j) => (j === c ? text : cell)) : row));
}

/** A table block's cells, its first row the header, with rows and columns to add or drop at the end. */
export function TableBlockEditor({
  rows,
  n,
  onChange,
}: {
  rows: string[][];
  n: number;
  onChange: (rows: string[][]) => void;
}) {
  const columns = Math.max(1, ...rows.map((row) => row.length));
  return (
    <div style={{ overflowX: "auto" }}>
      <table style={{ borderCollapse: "collapse", width: "100%" }}>
        <tbody>
          {rows.map((row, r) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: a row's position is its identity while editing
            <tr key={r}>
              {Array.from({ length: columns }, (_, c) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: as for the rows
                <td key={c} style={{ padding: 2, minWidth: 96 }}>
                  <Input
                    size="small"
                    aria-label={`第${n}块表格第${r + 1}行第${c + 1}列`}
                    value={row[c] ?? ""}
                    style={r === 0 ? { fontWeight: 600 } : undefined}
                    onChange={(e) => onChange(setCell(padded(rows, columns), r, c, e.target.value))}
                  />
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      <Space wrap size={4} style={{ marginTop: 8 }}>
        <Button size="small" onClick={() => onChange([...rows, Array(columns).fill("")])}>
          加一行
        </Button>
        <Button size="small" disabled={rows.length <= 1} onClick={() => onChange(rows.slice(0, -1))}>
          删末行
        </Button>
        <Button size="small" onClick={() => onChange(padded(rows, columns).map((row) => [...row, ""]))}>
          加一列
        </Button>
        <Button
          size="small"
          disabled={columns <= 1}
          onClick={() => onChange(padded(rows, columns).map((row) => row.slice(0, -1)))}
        >
          删末列
        </Button>
      </Space>
    </div>
  );
}

/** Every row filled out to the same number of cells. */
function padded(rows: string[][], columns: number): string[][] {
  return rows.map((row) => [...row, ...Array(Math.max(0, columns - row.length)).fill("")]);
}
