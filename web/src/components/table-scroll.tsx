import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";

/**
 * A wide table that scrolls sideways on a narrow screen. The scrolling box is focusable and
 * named, so keyboard users can scroll it too (WCAG 2.1.1; axe "scrollable-region-focusable").
 */
export function TableScroll({ label, children, className }: { label: string; children: ReactNode; className?: string }) {
  const { t } = useTranslation();
  return (
    <div className={className ? `table-scroll ${className}` : "table-scroll"} role="region" aria-label={t("app.tableRegion", { name: label })} tabIndex={0}>
      {children}
    </div>
  );
}
