import type { ReactNode } from "react";
import { boxHeadCell, numeric, pageHeadCell, shownFrom, type Breakpoint } from "./styles";

export type SortDirection = "ascending" | "descending";

export interface Column<Row> {
  /** Names the column; also its cells' `data-column`. */
  key: string;
  header: ReactNode;
  cell: (row: Row, index: number) => ReactNode;
  /** Right-aligned tabular figures. */
  numeric?: boolean;
  /** Shown from this screen width up; below it, what matters of the column folds into another cell (see Folded). */
  from?: Breakpoint;
  className?: string;
  headerClassName?: string;
}

export interface RowOptions {
  id?: string;
  /** The followed driver's or car's row: marked, and `aria-current`. */
  highlighted?: boolean;
  attributes?: Record<`data-${string}`, string>;
}

export interface TableProps<Row> {
  /** Names the table for assistive technology (and tests). */
  label: string;
  rows: readonly Row[];
  /** Unique among the rows. `index` is the row's place as shown: for rows without an id of their own, in a table that does not re-sort. */
  rowKey: (row: Row, index: number) => string | number;
  rowOptions?: (row: Row) => RowOptions;
  /** `page`: the header sticks under the site header; `box`: a long list scrolls in its own box, its header sticking there. */
  scroll?: "page" | "box";
  testId?: string;
}

export function columnClass(column: Pick<Column<unknown>, "numeric" | "from" | "className">): string | undefined {
  return [column.numeric ? numeric : "", column.from ? shownFrom[column.from] : "", column.className ?? ""].filter(Boolean).join(" ") || undefined;
}

export function headerClass(column: Pick<Column<unknown>, "numeric" | "from" | "headerClassName">, scroll: "page" | "box"): string {
  return [scroll === "box" ? boxHeadCell : pageHeadCell, column.numeric ? "text-right" : "", column.from ? shownFrom[column.from] : "", column.headerClassName ?? ""].join(" ");
}
