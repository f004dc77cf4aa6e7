import { DeleteOutlined, PlusOutlined } from "@ant-design/icons";
import { type CalendarDay, type CalendarDayKind, dayNumber, isCalendarDate } from "@duban/domain";
import {
  Alert,
  Button,
  Empty,
  Flex,
  Input,
  InputNumber,
  Popconfirm,
  Select,
  Table,
  Tag,
  Typography,
} from "antd";
import { useEffect, useState } from "react";
import { useSearchParams } from "react-router";
import { isApiError } from "../../api/client";
import {
  resetWorkCalendarYear,
  saveWorkCalendarYear,
  useWorkCalendarOverview,
  useWorkCalendarYear,
  type WorkCalendarYear,
  workCalendarKey,
} from "../../api/work-calendar";
import { PageHeader } from "../../components/page-header";
import { RowIssues } from "../../components/row-issues";
import { useWrite } from "../../hooks/use-write";
import { CalendarMissingNotice } from "./calendar-missing-notice";

interface Row extends CalendarDay {
  id: number;
}

let nextRowId = 1;
const kindOptions: { value: CalendarDayKind; label: string }[] = [
  { value: "holiday", label: "放假" },
  { value: "workday", label: "调休上班" },
];
const sourceTags: Record<WorkCalendarYear["source"], { color: string; label: string }> = {
  official: { color: "blue", label: "国务院办公厅安排" },
  custom: { color: "gold", label: "本局调整" },
  none: { color: "default", label: "尚未录入" },
};
const WEEKDAYS = ["一", "二", "三", "四", "五", "六", "日"];

/** 周一 … 周日 of a `YYYY-MM-DD` day, or nothing while it is being typed. */
function weekdayOf(date: string): string {
  if (!isCalendarDate(date)) return "";
  return `周${WEEKDAYS[(((dayNumber(date) + 3) % 7) + 7) % 7]}`;
}

/** 工作日历 (`/settings/work-calendar`): each year's 法定节假日 and 调休 working days, as reminders count them. */
export function WorkCalendarPage() {
  const [params, setParams] = useSearchParams();
  const overview = useWorkCalendarOverview();
  const shownYears = overview.data?.years.map((y) => y.year) ?? [];
  const today = new Date().getFullYear();
  const year =
    Number(params.get("year")) || (shownYears.includes(today) ? today : (shownYears.at(-1) ?? today));
  const pick = (y: number | null) => y && setParams({ year: String(y) }, { replace: true });
  return (
    <>
      <PageHeader title="工作日历" />
      <Typography.Paragraph type="secondary">
        “仅工作日提醒”的催办和按工作日计算的期限都按这里的安排：列出的放假日不算工作日，调休上班的周六、周日算工作日，其余按周一至周五。
        2023–2026 年已按国务院办公厅的通知录入；新一年的通知发布后，管理员可在此录入或按本地安排调整。
      </Typography.Paragraph>
      <CalendarMissingNotice linkToCalendar={false} />
      <Flex wrap gap={8} align="center" style={{ marginBottom: 16 }}>
        <Select
          aria-label="年份"
          style={{ width: 140 }}
          value={year}
          onChange={pick}
          options={[...new Set([...shownYears, year, ...(overview.data?.missing.map((m) => m.year) ?? [])])]
            .sort((a, b) => a - b)
            .map((y) => ({ value: y, label: `${y} 年` }))}
        />
        <InputNumber<number>
          aria-label="其他年份"
          placeholder="其他年份"
          min={2000}
          max={2100}
          precision={0}
          style={{ width: 140 }}
          onPressEnter={(e) => pick(Number((e.target as HTMLInputElement).value))}
        />
      </Flex>
      <YearTable
        key={year}
        year={year}
        warned={overview.data?.missing.some((m) => m.year === year) ?? false}
      />
    </>
  );
}

/** One year's table, editable for the admin; `warned` when the notice above already names the year as missing. */
function YearTable({ year, warned }: { year: number; warned: boolean }) {
  const data = useWorkCalendarYear(year);
  const [rows, setRows] = useState<Row[]>([]);
  const editable = data.data?.abilities.update ?? false;
  useEffect(() => {
    if (data.data) setRows(data.data.days.map((d) => ({ ...d, id: nextRowId++ })));
  }, [data.data]);
  const save = useWrite({
    mutationFn: () =>
      saveWorkCalendarYear(year, {
        days: rows.map(({ date, kind, name }) => ({ date: date.trim(), kind, name })),
        version: data.data?.version ?? 0,
      }),
    success: `${year} 年的工作日历已保存`,
    refresh: workCalendarKey,
  });
  const reset = useWrite({
    mutationFn: () => resetWorkCalendarYear(year),
    success: `${year} 年已恢复为国务院办公厅的安排`,
    refresh: workCalendarKey,
  });
  const issues =
    isApiError(save.error, "validation_failed") && Array.isArray(save.error.details)
      ? (save.error.details as { path: string; message: string }[])
      : [];
  const setRow = (id: number, patch: Partial<Row>) =>
    setRows((all) => all.map((row) => (row.id === id ? { ...row, ...patch } : row)));
  const source = data.data ? sourceTags[data.data.source] : null;

  return (
    <>
      <Flex wrap gap={8} align="center" justify="space-between" style={{ marginBottom: 12 }}>
        <Flex wrap gap={8} align="center">
          {source && <Tag color={source.color}>{source.label}</Tag>}
          {data.data?.officialSource && (
            <Typography.Text type="secondary">依据：{data.data.officialSource}</Typography.Text>
          )}
        </Flex>
        {editable && (
          <Flex wrap gap={8}>
            <Button
              icon={<PlusOutlined />}
              onClick={() =>
                setRows((all) => [...all, { id: nextRowId++, date: `${year}-`, kind: "holiday", name: "" }])
              }
            >
              添加日期
            </Button>
            {data.data?.source === "custom" && (
              <Popconfirm title={`放弃本局对 ${year} 年的调整？`} onConfirm={() => reset.mutate(undefined)}>
                <Button loading={reset.isPending}>
                  {data.data.officialSource ? "恢复国务院办公厅安排" : "清空本年安排"}
                </Button>
              </Popconfirm>
            )}
            <Button type="primary" loading={save.isPending} onClick={() => save.mutate(undefined)}>
              保存
            </Button>
          </Flex>
        )}
      </Flex>
      {data.data?.missingMessage && !warned && (
        <Alert type="warning" showIcon style={{ marginBottom: 12 }} title={data.data.missingMessage} />
      )}
      {issues.length > 0 && (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 12 }}
          title="请修改标出的日期"
          description={<RowIssues issues={issues} />}
        />
      )}
      <Table<Row>
        rowKey="id"
        size="small"
        loading={data.isFetching}
        dataSource={rows}
        pagination={false}
        scroll={{ x: "max-content" }}
        locale={{
          emptyText: <Empty description={data.isError ? data.error.message : "本年没有列出的日期"} />,
        }}
        columns={[
          {
            title: "日期",
            key: "date",
            width: 190,
            render: (_, row) =>
              editable ? (
                <Input
                  aria-label="日期"
                  value={row.date}
                  placeholder="YYYY-MM-DD"
                  maxLength={10}
                  suffix={weekdayOf(row.date)}
                  onChange={(e) => setRow(row.id, { date: e.target.value })}
                />
              ) : (
                `${row.date} ${weekdayOf(row.date)}`
              ),
          },
          {
            title: "类型",
            key: "kind",
            width: 130,
            render: (_, row) =>
              editable ? (
                <Select
                  aria-label="类型"
                  style={{ width: "100%" }}
                  options={kindOptions}
                  value={row.kind}
                  onChange={(kind: CalendarDayKind) => setRow(row.id, { kind })}
                />
              ) : (
                <Tag color={row.kind === "holiday" ? "red" : "green"}>
                  {row.kind === "holiday" ? "放假" : "调休上班"}
                </Tag>
              ),
          },
          {
            title: "节日",
            key: "name",
            width: 180,
            render: (_, row) =>
              editable ? (
                <Input
                  aria-label="节日"
                  value={row.name}
                  maxLength={20}
                  onChange={(e) => setRow(row.id, { name: e.target.value })}
                />
              ) : (
                row.name
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
                      aria-label={`删除 ${row.date}`}
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
