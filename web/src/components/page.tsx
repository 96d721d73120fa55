import { useEffect, useRef, type ReactNode } from "react";
import { useLanguage } from "../lib/language";
import { shellText } from "../lib/shell-text";

/**
 * One page: sets the document title and moves focus to the heading when the page
 * appears, so screen-reader users hear where they landed after a client-side navigation.
 */
/** `wide` gives data-dense pages (the dashboard, a client) the width of a desk screen instead of the reading column. */
export function Page({ title, children, narrow = false, wide = false }: { title: string; children: ReactNode; narrow?: boolean; wide?: boolean }) {
  const heading = useRef<HTMLHeadingElement>(null);
  const language = useLanguage();
  useEffect(() => {
    document.title = `${title} · ${shellText("app.name", {}, language)}`;
    // A title that changed because the person chose another language is the same page: focus stays on the switch.
    if (!document.activeElement?.closest(".language-switch")) heading.current?.focus();
  }, [title, language]);
  return (
    <div className={narrow ? "page page--narrow" : wide ? "page page--wide" : "page"}>
      <h1 ref={heading} tabIndex={-1} className="page__title">
        {title}
      </h1>
      {children}
    </div>
  );
}
