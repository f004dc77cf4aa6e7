import {
  Card,
  Empty,
  Flex,
  Pagination,
  Spin,
  Table,
  type TableColumnType,
  type TableProps,
  Typography,
} from "antd";
import { type Key, type ReactNode, useState } from "react";
import { useIsMobile } from "../hooks/use-is-mobile";

/** Props of ResponsiveTable: a Table's, plus how one record reads as a card on a phone. */
export type ResponsiveTableProps<T> = TableProps<T> & {
  /** A card's content on a phone (null: no card); by default the first column heads it, the others are labelled lines. */
  renderCard?: (record: T, index: number) => ReactNode;
};

type Column<T> = TableColumnType<T>;

/** The accessible name of the card list on a phone, for tests and screen readers. */
export const cardListLabel = "记录列表";

// An action column shows its buttons at the foot of the card, unlabelled; a click there opens no record.
const isActionColumn = <T,>(column: Column<T>) => column.key === "actions" || column.title === "操作";

const isBlank = (cell: unknown) => cell === null || cell === undefined || cell === false || cell === "";

function fieldOf<T>(record: T, dataIndex: Column<T>["dataIndex"]): unknown {
  if (dataIndex === undefined || dataIndex === null) return undefined;
  const path = (Array.isArray(dataIndex) ? dataIndex : [dataIndex]) as (string | number)[];
  return path.reduce<unknown>((value, key) => (value as Record<string, unknown> | undefined)?.[key], record);
}

function cellOf<T>(column: Column<T>, record: T, index: number): ReactNode {
  const value = fieldOf(record, column.dataIndex);
  if (column.render) return column.render(value, record, index) as ReactNode;
  return isBlank(value) ? null : String(value);
}

function keyOf<T>(record: T, index: number, rowKey: TableProps<T>["rowKey"]): Key {
  if (typeof rowKey === "function") return rowKey(record, index) as Key;
  return (record as Record<string, Key>)[rowKey ?? "key"] ?? index;
}

// A tree's rows are listed depth first, so a section is followed by its tasks.
function flatten<T>(rows: readonly T[], childrenName: string): T[] {
  return rows.flatMap((row) => {
    const children = (row as Record<string, unknown>)[childrenName];
    return [row, ...(Array.isArray(children) ? flatten(children as T[], childrenName) : [])];
  });
}

/** The default card: the first column as its heading, the others as label and value, actions at the foot. */
function DefaultCard<T>({ columns, record, index }: { columns: Column<T>[]; record: T; index: number }) {
  const [head, ...rest] = columns;
  const fields = rest.filter((c) => !isActionColumn(c));
  const actions = rest.filter(isActionColumn);
  return (
    <Flex vertical gap={6}>
      {head && <Typography.Text strong>{cellOf(head, record, index)}</Typography.Text>}
      {fields.map((column, i) => {
        const cell = cellOf(column, record, index);
        if (isBlank(cell)) return null;
        return (
          <Flex key={String(column.key ?? column.dataIndex ?? i)} gap={8} align="baseline">
            <Typography.Text type="secondary" style={{ flex: "none", minWidth: 56 }}>
              {column.title as ReactNode}
            </Typography.Text>
            <div style={{ minWidth: 0, flex: 1, overflowWrap: "anywhere" }}>{cell}</div>
          </Flex>
        );
      })}
      {actions.map((column, i) => (
        // biome-ignore lint/a11y/noStaticElementInteractions: only stops the card's own click; the buttons inside are the controls.
        // biome-ignore lint/a11y/useKeyWithClickEvents: as above, nothing here is operated by this element.
        <div key={String(column.key ?? i)} onClick={(event) => event.stopPropagation()}>
          {cellOf(column, record, index)}
        </div>
      ))}
    </Flex>
  );
}

/**
 * A list that is a table from the `md` breakpoint up and a column of cards below it, so a phone never scrolls
 * sideways. Takes a Table's props; the cards follow its columns, rows, row clicks, paging, loading and empty text.
 */
export function ResponsiveTable<T extends object>({ renderCard, ...table }: ResponsiveTableProps<T>) {
  const isMobile = useIsMobile();
  if (!isMobile) return <Table<T> {...table} />;
  return <CardList<T> {...table} renderCard={renderCard} />;
}

function CardList<T extends object>(props: ResponsiveTableProps<T>) {
  const { columns = [], dataSource = [], rowKey, onRow, loading, locale, pagination, renderCard } = props;
  const childrenName = props.expandable?.childrenColumnName ?? "children";
  const rows = flatten(dataSource, childrenName);
  const paging = pagination === false || pagination === undefined ? null : pagination;
  // A table paged on the client (no total given) is paged here the same way.
  const [localPage, setLocalPage] = useState(1);
  const serverPaged = paging?.total !== undefined;
  const pageSize = paging?.pageSize ?? 10;
  const page = serverPaged ? (paging?.current ?? 1) : localPage;
  const shown = paging && !serverPaged ? rows.slice((page - 1) * pageSize, page * pageSize) : rows;
  const leafColumns = columns as Column<T>[];
  const emptyText = typeof locale?.emptyText === "function" ? locale.emptyText() : locale?.emptyText;
  const loadingProps = typeof loading === "object" ? loading : { spinning: Boolean(loading) };
  return (
    <Spin {...loadingProps}>
      {shown.length === 0 ? (
        <Card size="small">{emptyText ?? <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} />}</Card>
      ) : (
        <Flex vertical gap={8} role="list" aria-label={cardListLabel}>
          {shown.map((record, i) => {
            const index = dataSource.indexOf(record) >= 0 ? dataSource.indexOf(record) : i;
            const custom = renderCard?.(record, index);
            // A record a custom card leaves out (null) gets no card at all.
            if (renderCard && (custom === null || custom === undefined)) return null;
            const rowProps = onRow?.(record, index) ?? {};
            return (
              <Card
                key={keyOf(record, index, rowKey)}
                size="small"
                role="listitem"
                hoverable={Boolean(rowProps.onClick)}
                onClick={rowProps.onClick}
                styles={{ body: { padding: 12 } }}
              >
                {renderCard ? custom : <DefaultCard columns={leafColumns} record={record} index={index} />}
              </Card>
            );
          })}
        </Flex>
      )}
      {paging && (serverPaged ? (paging.total ?? 0) : rows.length) > pageSize && (
        <Flex justify="center" style={{ marginTop: 12 }}>
          <Pagination
            simple
            current={page}
            pageSize={pageSize}
            total={serverPaged ? paging.total : rows.length}
            onChange={(next, size) => (serverPaged ? paging.onChange?.(next, size) : setLocalPage(next))}
          />
        </Flex>
      )}
    </Spin>
  );
}
