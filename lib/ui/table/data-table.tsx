import Link from "next/link";
import { headerClass, type Column, type SortDirection, type TableProps } from "./columns";
import { Frame, Rows, SortLabel } from "./parts";
import { sortControl, sortedControl } from "./styles";

export interface ServerColumn<Row> extends Column<Row> {
  /** Sorted on the server: the header links to the list sorted by this column; `current` when it is sorted so now. */
  sort?: { href: string; current?: SortDirection };
}

export interface DataTableProps<Row> extends TableProps<Row> {
  columns: readonly ServerColumn<Row>[];
}

/**
 * A timing table rendered on the server: sticky header, zebra rows, numbers aligned, columns that fold away on a
 * phone, sorting by links (the order lives in the URL). Client-side sorting: SortableTable.
 */
export function DataTable<Row>({ columns, scroll = "page", ...props }: DataTableProps<Row>) {
  return (
    <Frame
      label={props.label}
      scroll={scroll}
      testId={props.testId}
      head={columns.map((column) => (
        <th key={column.key} scope="col" aria-sort={column.sort?.current} className={headerClass(column, scroll)}>
          {column.sort ? (
            <Link href={column.sort.href} scroll={false} className={column.sort.current ? sortedControl : sortControl}>
              <SortLabel header={column.header} direction={column.sort.current} />
            </Link>
          ) : (
            column.header
          )}
        </th>
      ))}
    >
      <Rows columns={columns} rows={props.rows} rowKey={props.rowKey} rowOptions={props.rowOptions} />
    </Frame>
  );
}
