import type { BulletinBlock } from "@duban/domain";
import { Typography } from "antd";

const cellStyle = { border: "1px solid #d9d9d9", padding: "4px 8px" } as const;

/** A 通报's body as it reads: headings, indented paragraphs and tables, for the issued (frozen) text. */
export function BulletinView({ content }: { content: BulletinBlock[] }) {
  return (
    <div>
      {content.map((block, i) => {
        const key = `${i}-${block.type}`;
        if (block.type === "heading")
          return (
            <Typography.Title key={key} level={block.level === 1 ? 4 : 5}>
              {block.text}
            </Typography.Title>
          );
        if (block.type === "paragraph")
          return (
            <Typography.Paragraph key={key} style={{ textIndent: "2em", whiteSpace: "pre-wrap" }}>
              {block.text}
            </Typography.Paragraph>
          );
        return (
          <div key={key} style={{ overflowX: "auto", marginBottom: 16 }}>
            <table style={{ borderCollapse: "collapse", width: "100%" }}>
              <tbody>
                {block.rows.map((row, r) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: rows of a frozen table never move
                  <tr key={r}>
                    {row.map((cell, c) =>
                      r === 0 ? (
                        // biome-ignore lint/suspicious/noArrayIndexKey: as above
                        <th key={c} style={cellStyle}>
                          {cell}
                        </th>
                      ) : (
                        // biome-ignore lint/suspicious/noArrayIndexKey: as above
                        <td key={c} style={cellStyle}>
                          {cell}
                        </td>
                      ),
                    )}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        );
      })}
    </div>
  );
}
