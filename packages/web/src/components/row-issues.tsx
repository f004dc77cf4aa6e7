/** A refusal's field issues of an edited list (`path` like `days.3.date`), one line each: "第 4 行：…". */
export function RowIssues({ issues }: { issues: { path: string; message: string }[] }) {
  return issues.map((i) => (
    <div key={i.path}>
      第 {Number(i.path.split(".")[1]) + 1} 行：{i.message}
    </div>
  ));
}
