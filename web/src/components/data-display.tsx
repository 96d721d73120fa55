import type { ReactNode } from "react";
import { Button } from "./button";
import "./data.css";

// Small pieces of the data-dense screens (decision 059): badges, empty states, pagination and
// a grid of summary figures.

export type BadgeTone = "neutral" | "info" | "attention" | "success";

/** A short label that says what it is in words; colour and border only add to it. */
export function Badge({ tone = "neutral", children }: { tone?: BadgeTone; children: ReactNode }) {
  return <strong className={`badge badge--${tone}`}>{children}</strong>;
}

/** Nothing to show yet: what that means, and what to do next. */
export function EmptyState({ title, children, action }: { title: string; children?: ReactNode; action?: ReactNode }) {
  return (
    <section className="empty-state" aria-label={title}>
      <p className="empty-state__title">{title}</p>
      {children}
      {action && <div className="empty-state__action">{action}</div>}
    </section>
  );
}

/** Previous and next page, with where the reader is, in a named navigation region. */
export function Pagination({
  label,
  page,
  pages,
  onPage,
  text,
}: {
  label: string;
  page: number;
  pages: number;
  onPage: (page: number) => void;
  text: { previous: string; next: string; pageOf: string };
}) {
  return (
    <nav aria-label={label} className="pagination">
      <Button variant="secondary" disabled={page <= 1} onClick={() => onPage(page - 1)}>
        {text.previous}
      </Button>
      <span className="pagination__where">{text.pageOf}</span>
      <Button variant="secondary" disabled={page >= pages} onClick={() => onPage(page + 1)}>
        {text.next}
      </Button>
    </nav>
  );
}

/** Figures side by side that wrap on a narrow screen: a label and its value each. */
export function StatGrid({ items }: { items: ReadonlyArray<{ label: string; value: ReactNode }> }) {
  return (
    <dl className="stat-grid">
      {items.map((item) => (
        <div key={item.label} className="stat-grid__item">
          <dt>{item.label}</dt>
          <dd>{item.value}</dd>
        </div>
      ))}
    </dl>
  );
}
