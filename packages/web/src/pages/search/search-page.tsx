import { type SearchHit, type SearchKind, searchKindLabels, searchKinds } from "@duban/domain";
import { Empty, List, Pagination, Result, Segmented, Spin, Tag, Typography } from "antd";
import { Link, useSearchParams } from "react-router";
import { useSearch } from "../../api/search";
import { PageHeader } from "../../components/page-header";

const PAGE_SIZE = 20;

/** Search results (`/search?q=…&kind=…&page=`), grouped by kind, only what the user may see. */
export function SearchPage() {
  const [params, setParams] = useSearchParams();
  const q = params.get("q") ?? "";
  const kindParam = params.get("kind");
  const kind = searchKinds.find((k) => k === kindParam);
  const page = Number(params.get("page") ?? 1) || 1;
  const result = useSearch({ q, kind, page, pageSize: PAGE_SIZE });
  const go = (next: { kind?: SearchKind | undefined; page?: number }) => {
    const p = new URLSearchParams({ q });
    if (next.kind) p.set("kind", next.kind);
    if (next.page && next.page > 1) p.set("page", String(next.page));
    setParams(p);
  };

  if (!q.trim()) return <Empty description="请在页面顶部的搜索框输入关键词" />;
  return (
    <>
      <PageHeader title={`搜索“${q}”`} />
      {result.isPending ? (
        <Spin style={{ display: "block", margin: "48px auto" }} />
      ) : result.isError ? (
        <Result status="warning" title={result.error.message} />
      ) : (
        <>
          <Segmented
            style={{ marginBottom: 16, maxWidth: "100%", overflowX: "auto" }}
            value={kind ?? "all"}
            onChange={(value) => go({ kind: value === "all" ? undefined : (value as SearchKind) })}
            options={[
              { value: "all", label: "全部" },
              ...searchKinds.map((k) => ({
                value: k,
                label: `${searchKindLabels[k]} ${result.data.counts[k] ?? 0}`,
              })),
            ]}
          />
          {result.data.total === 0 ? (
            <Empty description="没有找到匹配的内容，请换个关键词或减少词语再试" />
          ) : (
            <List
              dataSource={result.data.items}
              renderItem={(hit) => <HitRow hit={hit} />}
              footer={
                <Pagination
                  current={page}
                  pageSize={PAGE_SIZE}
                  total={result.data.total}
                  showSizeChanger={false}
                  onChange={(p) => go({ kind, page: p })}
                />
              }
            />
          )}
        </>
      )}
    </>
  );
}

function HitRow({ hit }: { hit: SearchHit }) {
  return (
    <List.Item>
      <List.Item.Meta
        title={
          <>
            <Tag>{searchKindLabels[hit.kind]}</Tag>
            <Link to={hit.link}>{hit.title}</Link>
          </>
        }
        description={<Typography.Text type="secondary">{hit.snippet}</Typography.Text>}
      />
    </List.Item>
  );
}
