import { DeleteOutlined, PlusOutlined } from "@ant-design/icons";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { Alert, App, Button, Empty, Input, Select, Table, Typography } from "antd";
import { useEffect, useMemo, useState } from "react";
import { isApiError } from "../../api/client";
import { saveUnitKeywords, unitKeywordsKey, useUnitKeywords } from "../../api/unit-keywords";
import { useUnitOptions } from "../../api/units";
import { PageHeader } from "../../components/page-header";
import { RowIssues } from "../../components/row-issues";

interface Row {
  id: number;
  keyword: string;
  unitId: string | undefined;
}

let nextRowId = 1;

/** 关键词词典 (`/settings/unit-keywords`): which department a task mentioning a keyword is suggested to. */
export function UnitKeywordsPage() {
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const dictionary = useUnitKeywords();
  const units = useUnitOptions();
  const [rows, setRows] = useState<Row[]>([]);
  const editable = dictionary.data?.abilities?.update ?? false;
  const departments = useMemo(
    () =>
      (units.data ?? []).filter((u) => u.kind === "department").map((u) => ({ value: u.id, label: u.name })),
    [units.data],
  );

  useEffect(() => {
    if (dictionary.data)
      setRows(
        dictionary.data.entries.map((e) => ({ id: nextRowId++, keyword: e.keyword, unitId: e.unitId })),
      );
  }, [dictionary.data]);

  const save = useMutation({
    mutationFn: () =>
      saveUnitKeywords({
        entries: rows.map((r) => ({ keyword: r.keyword.trim(), unitId: r.unitId ?? "" })),
      }),
    onSuccess: (saved) => {
      queryClient.setQueryData(unitKeywordsKey, saved);
      message.success("词典已保存");
    },
  });
  const issues =
    isApiError(save.error, "validation_failed") && Array.isArray(save.error.details)
      ? (save.error.details as { path: string; message: string }[])
      : [];
  const setRow = (id: number, patch: Partial<Row>) =>
    setRows((all) => all.map((row) => (row.id === id ? { ...row, ...patch } : row)));

  return (
    <>
      <PageHeader
        title="关键词词典"
        actions={
          editable && (
            <>
              <Button
                icon={<PlusOutlined />}
                onClick={() =>
                  setRows((all) => [...all, { id: nextRowId++, keyword: "", unitId: undefined }])
                }
              >
                添加关键词
              </Button>
              <Button type="primary" loading={save.isPending} onClick={() => save.mutate()}>
                保存
              </Button>
            </>
          )
        }
      />
      <Typography.Paragraph type="secondary">
        导入工作要点时，文中没有写明责任科室的任务，按标题和内容中出现的关键词推荐牵头科室（如 学前 →
        学前教育科）。
      </Typography.Paragraph>
      {save.isError && (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 12 }}
          title={save.error.message}
          description={issues.length > 0 && <RowIssues issues={issues} />}
        />
      )}
      <Table<Row>
        rowKey="id"
        size="small"
        loading={dictionary.isFetching}
        dataSource={rows}
        pagination={false}
        scroll={{ x: "max-content" }}
        locale={{
          emptyText: <Empty description={dictionary.isError ? dictionary.error.message : "词典为空"} />,
        }}
        columns={[
          {
            title: "关键词",
            key: "keyword",
            width: 200,
            render: (_, row) =>
              editable ? (
                <Input
                  aria-label="关键词"
                  value={row.keyword}
                  maxLength={30}
                  onChange={(e) => setRow(row.id, { keyword: e.target.value })}
                />
              ) : (
                row.keyword
              ),
          },
          {
            title: "科室",
            key: "unit",
            width: 240,
            render: (_, row) =>
              editable ? (
                <Select
                  aria-label="科室"
                  style={{ width: "100%" }}
                  showSearch={{ optionFilterProp: "label" }}
                  options={departments}
                  value={row.unitId}
                  onChange={(unitId: string) => setRow(row.id, { unitId })}
                />
              ) : (
                (dictionary.data?.entries.find((e) => e.unitId === row.unitId)?.unitName ?? "")
              ),
          },
          ...(editable
            ? [
                {
                  title: "操作",
                  key: "actions",
                  width: 70,
                  render: (_: unknown, row: Row) => (
                    <Button
                      type="link"
                      danger
                      icon={<DeleteOutlined />}
                      aria-label={`删除关键词${row.keyword}`}
                      onClick={() => setRows((all) => all.filter((r) => r.id !== row.id))}
                    />
                  ),
                },
              ]
            : []),
        ]}
      />
    </>
  );
}
