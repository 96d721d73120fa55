// Text of a PDF (e.g. a page Chromium printed), read with PDF.js — never a hand-written parser.
// The legacy build runs on Node 20 without a DOM.
import { getDocument } from "pdfjs-dist/legacy/build/pdf.mjs";

/**
 * Every page's text in reading order, pages separated by a blank line, Unicode-normalised (NFC)
 * so text typed in a test compares equal to text read back from the PDF's fonts.
 */
export async function pdfText(buffer: Uint8Array): Promise<string> {
  // PDF.js may transfer the bytes it is given: hand it a copy, never the caller's buffer.
  const document = await getDocument({ data: new Uint8Array(buffer), isEvalSupported: false, disableFontFace: true, useSystemFonts: false, verbosity: 0 })
    .promise;
  try {
    const pages: string[] = [];
    for (let number = 1; number <= document.numPages; number += 1) {
      const page = await document.getPage(number);
      const content = await page.getTextContent();
      pages.push(content.items.map((item) => ("str" in item ? item.str + (item.hasEOL ? "\n" : "") : "")).join(""));
      page.cleanup();
    }
    return pages.join("\n\n").normalize("NFC");
  } finally {
    await document.destroy();
  }
}

/**
 * Whether the PDF's text holds `needle`, ignoring whitespace and comparing compatibility forms
 * (NFKC: a CJK character a font maps to its Kangxi radical twin compares equal). Chromium's PDF
 * records no text for some shaped glyphs (a Tamil consonant joined with its vowel sign reads
 * back as the consonant and U+0000): a U+0000 read back stands for exactly one character of the
 * needle, so such a name is still found, and a different name still is not.
 */
export function pdfIncludes(text: string, needle: string): boolean {
  const hay = Array.from(text.replace(/\s+/gu, "").normalize("NFKC"));
  const want = Array.from(needle.replace(/\s+/gu, "").normalize("NFKC"));
  if (want.length === 0) return true;
  for (let start = 0; start + want.length <= hay.length; start += 1) {
    if (want.every((char, index) => hay[start + index] === char || hay[start + index] === "\u0000")) return true;
  }
  return false;
}

/** How many pages a PDF has. */
export async function pdfPageCount(buffer: Uint8Array): Promise<number> {
  const document = await getDocument({ data: new Uint8Array(buffer), isEvalSupported: false, disableFontFace: true, useSystemFonts: false, verbosity: 0 })
    .promise;
  try {
    return document.numPages;
  } finally {
    await document.destroy();
  }
}
