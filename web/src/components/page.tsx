import { useEffect, useRef, type ReactNode } from "react";
import { useTranslation } from "react-i18next";

/**
 * One page: sets the document title and moves focus to the heading when the page
 * appears, so screen-reader users hear where they landed after a client-side navigation.
 */
export function Page({ title, children, narrow = false }: { title: string; children: ReactNode; narrow?: boolean }) {
  const { t } = useTranslation();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    document.title = `${title} · ${t("app.name")}`;
    heading.current?.focus();
  }, [title, t]);
  return (
    <div className={narrow ? "page page--narrow" : "page"}>
      <h1 ref={heading} tabIndex={-1} className="page__title">
        {title}
      </h1>
      {children}
    </div>
  );
}
