import { useEffect } from "react";

/** A CSS string literal: quotes and backslashes escaped, line breaks as spaces. */
function cssString(text: string): string {
  return `"${text
    .replace(/\\/g, "\\\\")
    .replace(/"/g, '\\"')
    .replace(/[\r\n]+/g, " ")}"`;
}

/**
 * Words on every printed page, in the page's margins (CSS @page margin boxes, which Chromium
 * prints): a confidentiality mark at the top, "not a diagnosis" and the page number at the
 * foot. They are set through a constructed style sheet, because the words are translated and
 * our Content-Security-Policy allows no inline style; it is removed when the report closes.
 */
/** `page` is the page line around the number, split where the number goes: ["Page ", ""]. */
export function usePrintMarks({ top, bottom, page }: { top: string; bottom: string; page: readonly [string, string] }) {
  const [before, after] = page;
  useEffect(() => {
    if (typeof CSSStyleSheet === "undefined" || !("adoptedStyleSheets" in document)) return;
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(
      `@page { size: A4; margin: 16mm 14mm 18mm;
        @top-left { content: ${cssString(top)}; font: 600 9pt system-ui, sans-serif; }
        @bottom-left { content: ${cssString(bottom)}; font: 9pt system-ui, sans-serif; }
        @bottom-right { content: ${cssString(before)} counter(page) ${cssString(after)}; font: 9pt system-ui, sans-serif; } }`,
    );
    document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
    return () => {
      document.adoptedStyleSheets = document.adoptedStyleSheets.filter((adopted) => adopted !== sheet);
    };
  }, [top, bottom, before, after]);
}
