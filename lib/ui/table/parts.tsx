import type { ReactNode } from "react";
import { columnClass, type Column, type SortDirection, type TableProps } from "./columns";
import { boxFrame, highlightRow, pageFrame, table } from "./styles";

// The pieces DataTable (sorted on the server) and SortableTable (sorted in the browser) share, so both look the same.

/** The table in its frame (see TableProps' `scroll`), and a line under the header when there is nothing to list. */
export function Frame({ label, scroll = "page", testId, head, children, empty }: Pick<TableProps<unknown>, "label" | "scroll" | "testId"> & { head: ReactNode; children: ReactNode; empty?: ReactNode }) {
  return (
    // A box that scrolls is focusable and named, so it scrolls from the keyboard too.
    <div className={scroll === "box" ? boxFrame : pageFrame} {...(scroll === "box" ? { tabIndex: 0, role: "region", "aria-label": label } : {})}>
      <table aria-label={label} className={table} data-testid={testId}>
        <thead>
          <tr>{head}</tr>
        </thead>
        <tbody>{children}</tbody>
      </table>
      {empty ? <p className="px-3 py-4 text-sm text-muted">{empty}</p> : null}
    </div>
  );
}

/** The body: one row per item, each cell marked with its column (`data-column`) and hidden below its breakpoint. */
export function Rows<Row>({ columns, rows, rowKey, rowOptions }: { columns: readonly Column<Row>[] } & Pick<TableProps<Row>, "rows" | "rowKey" | "rowOptions">) {
  return rows.map((item, index) => {
    const options = rowOptions?.(item) ?? {};
    return (
      // Only the attributes a row has: an undefined one still costs bytes in the page's payload, in every row.
      <tr key={rowKey(item, index)} {...definedOnly({ id: options.id, "aria-current": options.highlighted ? ("true" as const) : undefined, className: options.highlighted ? highlightRow : undefined })} {...options.attributes}>
        {columns.map((column) => (
          <td key={column.key} data-column={column.key} {...definedOnly({ className: columnClass(column) })}>
            {column.cell(item, index)}
          </td>
        ))}
      </tr>
    );
  });
}

/** A sortable header's content: its label and the arrow of the order in force. */
export function SortLabel({ header, direction }: { header: ReactNode; direction: SortDirection | undefined }) {
  return (
    <>
      {header}
      <span aria-hidden className="inline-block w-2">
        {direction === "descending" ? "▼" : direction === "ascending" ? "▲" : ""}
      </span>
    </>
  );
}

function definedOnly<T extends Record<string, unknown>>(attributes: T): Partial<T> {
  return Object.fromEntries(Object.entries(attributes).filter(([, value]) => value !== undefined)) as Partial<T>;
}
