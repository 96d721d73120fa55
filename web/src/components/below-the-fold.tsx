import { useEffect, useState, type ReactNode } from "react";
import { yieldToMain } from "../lib/yield-to-main";

/**
 * The parts of a long page that sit below its first screen, drawn in a task of their own just after
 * the first screen has been painted (decision 094). On a slow phone the page's first drawing is then
 * one short task instead of one long one, so a tap or a scroll is answered while the rest comes.
 * Nothing already shown moves: these parts come after it. Use only for the end of a page.
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
