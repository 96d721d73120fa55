import { screen } from "@testing-library/react";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Layout } from "../app/layout";
import { HelpRoute } from "../app/routes/help";
import { HomeRoute } from "../app/routes/home";
import { SignInRoute } from "../app/routes/sign-in";
import { SignUpRoute } from "../app/routes/sign-up";
import { CheckInPanel } from "../features/check-in/components/check-in-panel";
import { addLanguageText, loadEveryCatalogue } from "../lib/i18n";
import { setLanguage } from "../lib/language";
import { setShellCatalogue } from "../lib/shell-text";
import type { FakeAnswers } from "../testing/fake-api";
import { renderRoutes, stubFetch } from "../testing/render";
import { sharingAnswers } from "../testing/sharing";
import { enFirstLoad } from "./en/first-load";
import { en } from "./en/index";

// The pseudo-locale run (issue 18, decision 074): every catalogue text wrapped in ⟦ ⟧, put in place of
// a language, and the frame and three main pages rendered in it. Any visible text, label or title
// that is not inside ⟦ ⟧ did not come from a catalogue: a sentence written into the code, which no
// translation could reach. Only the data the page shows (names and words from the server's answers)
// and the language switch (each language's own name, on purpose) may stand outside.
// Covered: the frame (header, menu, footer), the home page for a visitor, sign-in, sign-up, help, and the check-in.

const open = "⟦";
const close = "⟧";

function pseudo<T>(node: T): T {
  if (typeof node === "string") return `${open}${node}${close}` as T;
  return Object.fromEntries(Object.entries(node as object).map(([key, value]) => [key, pseudo(value)])) as T;
}

/** Every string in the fixtures: data the page may show as it is. */
function stringsOf(node: unknown): string[] {
  if (typeof node === "string") return [node];
  if (node && typeof node === "object") return Object.values(node).flatMap(stringsOf);
  return [];
}

/** Whether the character at `offset` of `text` sits inside ⟦ ⟧. */
function insideBrackets(text: string, offset: number): boolean {
  let depth = 0;
  for (const char of text.slice(0, offset)) {
    if (char === open) depth += 1;
    if (char === close) depth = Math.max(0, depth - 1);
  }
  return depth > 0;
}

/** A text node is covered when, in some element around it, it starts inside ⟦ ⟧ (a Trans sentence splits into several nodes). */
function isCovered(node: Text): boolean {
  if (node.data.includes(open) || node.data.includes(close)) return true;
  for (let element = node.parentElement; element; element = element.parentElement) {
    const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
    let offset = 0;
    for (let current = walker.nextNode(); current && current !== node; current = walker.nextNode()) offset += (current as Text).data.length;
    if (insideBrackets(element.textContent ?? "", offset)) return true;
  }
  return false;
}

/** Visible words, labels and titles on the page that came from no catalogue. */
function untranslated(data: readonly string[]): string[] {
  const isData = (text: string) => !/\p{L}/u.test(text) || data.some((value) => value.includes(text.trim()));
  const found: string[] = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
    if (node.parentElement?.closest('[translate="no"], script, style, [hidden]')) continue;
    if (node.data.trim() === "" || isData(node.data) || isCovered(node)) continue;
    found.push(`text: ${node.data.trim()}`);
  }
  for (const element of document.body.querySelectorAll("[aria-label], [title], [placeholder], [alt]")) {
    if (element.closest('[translate="no"]')) continue;
    for (const name of ["aria-label", "title", "placeholder", "alt"]) {
      const value = element.getAttribute(name);
      if (value && !value.includes(open) && !isData(value)) found.push(`${name}: ${value}`);
    }
  }
  if (!document.title.startsWith(open)) found.push(`document title: ${document.title}`);
  return found;
}

const TIME_ZONE = Intl.DateTimeFormat().resolvedOptions().timeZone;
const pages = [
  { name: "home, for a visitor", path: "/", answers: { "GET /api/me": { status: 401, body: {} } }, heading: "Grow closer" },
  { name: "sign-in", path: "/sign-in", answers: { "GET /api/me": { status: 401, body: {} } }, heading: "Sign in" },
  { name: "sign-up", path: "/sign-up", answers: { "GET /api/me": { status: 401, body: {} } }, heading: "Create your account" },
  {
    name: "help",
    path: "/help",
    answers: {
      "GET /api/me": { status: 401, body: {} },
      "GET /api/help/resources": {
        status: 200,
        body: {
          region: "Singapore",
          updatedOn: "2026-11-01",
          resources: [
            {
              id: "sos",
              category: "suicide-prevention" as const,
              name: "Samaritans of Singapore",
              description: "Listens, day and night.",
              phone: "1767",
              text: null,
              website: null,
              hours: "24 hours",
              source: "sos.org.sg",
              verifiedOn: "2026-11-01",
            },
          ],
        },
      },
    },
    heading: "help",
  },
  {
    name: "check-in",
    path: "/check-in",
    answers: {
      "GET /api/me": {
        status: 200,
        body: { user: { id: "u1", name: "Noor", email: "noor@x.test", emailVerified: true, twoFactorEnabled: false, createdAt: "2026-11-24T00:00:00.000Z" } },
      },
      "GET /api/practices": { status: 200, body: { twoFactorEnabled: false, practices: [] } },
      "GET /api/preferences": { status: 200, body: { quickExitEndsSession: true, language: "ta" as const } },
      [`GET /api/check-ins/current?timeZone=${encodeURIComponent(TIME_ZONE)}`]: { status: 200, body: { week: "2026-W48", timeZone: TIME_ZONE, checkIn: null } },
      ...sharingAnswers({ partnerScopes: ["overview"], counsellorScopes: ["notes"] }),
    },
    heading: "2026-W48",
  },
];

const routes = [
  {
    element: <Layout />,
    children: [
      { path: "/", element: <HomeRoute /> },
      { path: "/sign-in", element: <SignInRoute /> },
      { path: "/sign-up", element: <SignUpRoute /> },
      { path: "/help", element: <HelpRoute /> },
      { path: "/check-in", element: <CheckInPanel /> },
    ],
  },
];

beforeAll(async () => {
  // The pseudo-locale takes Tamil's place, after Tamil's own files (if any) have loaded, so it covers every key.
  await loadEveryCatalogue("ta");
  await setLanguage("ta");
  addLanguageText("ta", pseudo(en));
  setShellCatalogue("ta", pseudo(enFirstLoad));
});
afterAll(async () => {
  await setLanguage("en");
  window.localStorage.clear();
});

describe("the pseudo-locale", () => {
  it.each(pages)("leaves no text of $name outside the catalogues", async (page) => {
    stubFetch(page.answers as FakeAnswers);
    renderRoutes(routes, page.path);
    expect((await screen.findAllByText(new RegExp(page.heading, "i"))).length).toBeGreaterThan(0);
    // The footer's switch arrives on demand; wait for it so the footer is checked too.
    await screen.findByRole("group", { name: /Language/ });
    expect(untranslated(stringsOf(page.answers))).toEqual([]);
  });

  it("catches a sentence written into the code", async () => {
    stubFetch(pages[0]!.answers as FakeAnswers);
    renderRoutes(routes, "/");
    await screen.findByRole("heading", { level: 1 });
    const stray = document.createElement("p");
    stray.textContent = "Written in the code";
    document.body.querySelector("main")?.append(stray);
    expect(untranslated([])).toContain("text: Written in the code");
  });
});
