import { useEffect, useRef, useState, type ReactNode } from "react";
import { useLanguage } from "../lib/language";
import { shellText } from "../lib/shell-text";
import { yieldToMain } from "../lib/yield-to-main";

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

/**
 * The parts of a long page that sit below its first screen, drawn in a task of their own just after
 * the first screen has been painted (decision 094). On a slow phone the page's first drawing is then
 * one short task instead of one long one, so a tap or a scroll is answered while the rest comes.
 * Nothing already shown moves: these parts come after it. Use only for the end of a page. It lives
 * with the page itself so that it is part of the first load: in a file of its own it joined a shared
 * file that pages without it then had to load.
 */
export function BelowTheFold({ children }: { children: ReactNode }) {
  const [shown, setShown] = useState(false);
  useEffect(() => {
    let mounted = true;
    void yieldToMain().then(() => {
      if (mounted) setShown(true);
    });
    return () => {
      mounted = false;
    };
  }, []);
  return shown ? <>{children}</> : null;
}
