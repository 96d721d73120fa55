import type { ReactNode } from "react";
import { TableScroll } from "./table-scroll";
import "./data.css";

/**
 * The one table of the app (decision 059): a caption, styled rows, and a box that scrolls
 * sideways inside itself, focusable and named, so the page never does (WCAG 1.4.10, 2.1.1).
 * `children` are the table's head and body. On paper the box lets the table run full width.
 */
export function DataTable({
  caption,
  children,
  className,
  dense = false,
  captionHidden = false,
}: {
  caption: string;
  children: ReactNode;
  className?: string;
  dense?: boolean;
  /** For a table right under a heading that already says what it holds: the caption is for screen readers only. */
  captionHidden?: boolean;
}) {
  const classes = ["data-table", dense ? "data-table--dense" : "", className ?? ""].filter(Boolean).join(" ");
  return (
    <TableScroll label={caption} className="table-scroll--framed">
      <table className={classes}>
        <caption className={captionHidden ? "visually-hidden" : undefined}>{caption}</caption>
        {children}
      </table>
    </TableScroll>
  );
}
