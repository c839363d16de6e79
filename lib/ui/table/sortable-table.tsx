"use client";

import { constructSortFn, createSortedRowModel, rowSortingFeature, tableFeatures, useTable, type RowData, type SortingState } from "@tanstack/react-table";
import { useMemo, useState, type ReactNode } from "react";
import { headerClass, type Column, type SortDirection, type TableProps } from "./columns";
import { Frame, Rows, SortLabel } from "./parts";
import { sortControl, sortedControl } from "./styles";
import { button } from "@/lib/ui/controls";

/** What a column sorts by: a number, text (natural order, case-insensitive), or a tuple of them compared in turn. */
export type SortValue = number | string | readonly (number | string)[];

export interface SortableColumn<Row> extends Column<Row> {
  /** Columns without one do not sort; null sorts last either way. */
  sortValue?: (row: Row) => SortValue | null;
  /** Bigger first on the first click (percentages, dates). */
  descendingFirst?: boolean;
}

export interface SortableTableProps<Row> extends TableProps<Row> {
  columns: readonly SortableColumn<Row>[];
  initialSort?: { key: string; descending?: boolean };
  /** Shown under the header when there is no row. */
  empty?: ReactNode;
  /**
   * Rows drawn at first, and added per "Show more" (sorting still covers every row): a table thousands of rows long
   * costs a phone its frames at every update, and a reader looks at the top of it.
   */
  pageSize?: number;
  /** What the rows are, for the "Show more" button ("pit stops"). */
  rowsName?: string;
}

const collator = new Intl.Collator("en", { sensitivity: "base", numeric: true });

function compare(a: SortValue, b: SortValue): number {
  if (Array.isArray(a) && Array.isArray(b)) {
    for (let i = 0; i < Math.min(a.length, b.length); i++) {
      const order = compare(a[i], b[i]);
      if (order) return order;
    }
    return a.length - b.length;
  }
  return typeof a === "number" && typeof b === "number" ? a - b : collator.compare(String(a), String(b));
}

const features = tableFeatures({
  rowSortingFeature,
  sortedRowModel: createSortedRowModel(),
  sortFns: { value: constructSortFn({ sort: compare }) },
});

/**
 * The shared table sorted in the browser (TanStack Table): click a header to sort by it, again to reverse. Same look
 * and phone folding as DataTable; for lists that are on the page already (a driver's results, a timing tower). Ties
 * keep the order the rows came in.
 */
export function SortableTable<Row extends RowData>({ columns, scroll = "page", initialSort, empty, pageSize, rowsName = "rows", ...props }: SortableTableProps<Row>) {
  const [sorting, setSorting] = useState<SortingState>(initialSort ? [{ id: initialSort.key, desc: initialSort.descending ?? false }] : []);
  const [shownRows, setShownRows] = useState(pageSize ?? Infinity);
  const definitions = useMemo(
    () =>
      columns.map((column) => ({
        id: column.key,
        accessorFn: (item: Row) => column.sortValue?.(item) ?? undefined,
        enableSorting: column.sortValue !== undefined,
        sortDescFirst: column.descendingFirst ?? false,
        sortUndefined: "last" as const,
        sortFn: "value" as const,
      })),
    [columns],
  );
  const data = useMemo(() => [...props.rows], [props.rows]);
  const sortable = useTable({ features, columns: definitions, data, state: { sorting }, onSortingChange: setSorting, enableSortingRemoval: false });
  const sorted = sortable.getRowModel().rows.map((r) => r.original);
  const current = sorting[0];
  const hidden = sorted.length - shownRows;

  const frame = (
    <Frame
      label={props.label}
      scroll={scroll}
      testId={props.testId}
      empty={sorted.length === 0 ? empty : undefined}
      head={columns.map((column) => {
        const direction: SortDirection | undefined = current?.id === column.key ? (current.desc ? "descending" : "ascending") : undefined;
        return (
          <th key={column.key} scope="col" aria-sort={direction} className={headerClass(column, scroll)}>
            {column.sortValue ? (
              <button type="button" onClick={() => sortable.getColumn(column.key)?.toggleSorting()} className={direction ? sortedControl : sortControl}>
                <SortLabel header={column.header} direction={direction} />
              </button>
            ) : (
              column.header
            )}
          </th>
        );
      })}
    >
      <Rows columns={columns} rows={hidden > 0 ? sorted.slice(0, shownRows) : sorted} rowKey={props.rowKey} rowOptions={props.rowOptions} />
    </Frame>
  );
  if (hidden <= 0 || pageSize === undefined) return frame;
  return (
    <div className="space-y-2">
      {frame}
      <p className="flex flex-wrap items-center gap-3 text-sm text-muted">
        <span>
          {shownRows.toLocaleString("en-US")} of {sorted.length.toLocaleString("en-US")} {rowsName} shown.
        </span>
        <button type="button" className={button} onClick={() => setShownRows((n) => n + pageSize)}>
          Show {Math.min(pageSize, hidden).toLocaleString("en-US")} more
        </button>
        {hidden > pageSize ? (
          <button type="button" className={button} onClick={() => setShownRows(Infinity)}>
            Show all
          </button>
        ) : null}
      </p>
    </div>
  );
}
