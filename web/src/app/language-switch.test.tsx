import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, describe, expect, it } from "vitest";
import { renderRoutes, stubFetch } from "../testing/render";
import { aPerson } from "../testing/factories";
import { addLanguageText, loadEveryCatalogue } from "../lib/i18n";
import { getLanguage, setLanguage } from "../lib/language";
import { setShellCatalogue } from "../lib/shell-text";
import { Layout } from "./layout";
import { HomeRoute } from "./routes/home";
import { SignInRoute } from "./routes/sign-in";

// The switch in every page's footer (decision 074). The words shown in another language are made-up
// fixtures ("[ms] …"), given after the language's own files have loaded, so these tests say the same
// whatever the translators wrote.

const routes = [
  {
    element: <Layout />,
    children: [
      { path: "/", element: <HomeRoute /> },
      { path: "/sign-in", element: <SignInRoute /> },
    ],
  },
];

const visitor = { "GET /api/me": { status: 401, body: {} } };
const signedIn = (language: "en" | "zh-Hans" | "ms" | "ta" | null) => ({
  "GET /api/me": { status: 200, body: { user: aPerson({ name: "Ana" }) } },
  "GET /api/practices": { status: 200, body: { twoFactorEnabled: false, practices: [] } },
  "GET /api/preferences": { status: 200, body: { quickExitEndsSession: true, language } },
  "PUT /api/preferences/language": (body: unknown) => ({ status: 200, body: { quickExitEndsSession: true, language: (body as { language: "ms" }).language } }),
});

async function withFixtureText(language: "ms" | "ta") {
  await loadEveryCatalogue(language);
  setShellCatalogue(language, { nav: { home: `[${language}] Home`, label: `[${language}] Main` }, home: { welcomeTitle: `[${language}] Welcome` } });
  addLanguageText(language, { auth: { signInTitle: `[${language}] Sign in` } });
}

afterEach(async () => {
  window.localStorage.clear();
  await setLanguage("en");
});

const switchGroup = async () => screen.findByRole("group", { name: /Language/ });

describe("the language switch", () => {
  it("names each language in itself, marked with its lang, on every page", async () => {
    stubFetch(visitor);
    renderRoutes(routes, "/");
    const group = await switchGroup();
    const buttons = within(group).getAllByRole("button");
    expect(buttons.map((button) => [button.textContent, button.getAttribute("lang")])).toEqual([
      ["English", "en"],
      ["简体中文", "zh-Hans"],
      ["Bahasa Melayu", "ms"],
      ["தமிழ்", "ta"],
    ]);
    expect(within(group).getByRole("button", { name: "English" })).toHaveAttribute("aria-pressed", "true");
    // The label says "Language" in all four, each part marked, so anyone can find their own.
    expect([...group.querySelectorAll("#language-switch-label [lang]")].map((part) => part.getAttribute("lang"))).toEqual(["en", "zh-Hans", "ms", "ta"]);
  });

  it("changes the frame's and the page's text without a reload, sets <html lang>, keeps focus, and remembers the choice here", async () => {
    await withFixtureText("ms");
    stubFetch(visitor);
    const calls = stubFetch(visitor);
    renderRoutes(routes, "/sign-in");
    expect(await screen.findByRole("heading", { name: "Sign in" })).toBeInTheDocument();
    const malay = within(await switchGroup()).getByRole("button", { name: "Bahasa Melayu" });
    await userEvent.click(malay);
    expect(await screen.findByRole("heading", { name: "[ms] Sign in" })).toBeInTheDocument();
    expect(screen.getByRole("navigation", { name: "[ms] Main" })).toBeInTheDocument();
    expect(screen.getByRole("link", { name: "[ms] Home" })).toBeInTheDocument();
    // What the fixture lacks is said in English.
    expect(screen.getByRole("link", { name: "Get help now" })).toBeInTheDocument();
    expect(document.documentElement.lang).toBe("ms");
    expect(document.title).toBe("[ms] Sign in · Mutual");
    expect(malay).toHaveAttribute("aria-pressed", "true");
    expect(malay).toHaveFocus();
    expect(window.localStorage.getItem("mutual.language")).toBe("ms");
    // Nobody is signed in: nothing is sent.
    expect(calls.filter((call) => call.path === "/api/preferences/language")).toEqual([]);
  });

  it("stores the choice for a signed-in person", async () => {
    await withFixtureText("ta");
    const calls = stubFetch(signedIn("en"));
    renderRoutes(routes, "/");
    await userEvent.click(within(await switchGroup()).getByRole("button", { name: "தமிழ்" }));
    await waitFor(() =>
      expect(calls.filter((call) => call.method === "PUT")).toEqual([{ method: "PUT", path: "/api/preferences/language", body: { language: "ta" } }]),
    );
    expect(getLanguage()).toBe("ta");
  });

  it("turns the page to the person's stored language when they sign in on another device, and remembers it there", async () => {
    await withFixtureText("ms");
    stubFetch(signedIn("ms"));
    renderRoutes(routes, "/");
    await waitFor(() => expect(document.documentElement.lang).toBe("ms"));
    expect(await screen.findByRole("link", { name: "[ms] Home" })).toBeInTheDocument();
    expect(within(await switchGroup()).getByRole("button", { name: "Bahasa Melayu" })).toHaveAttribute("aria-pressed", "true");
    expect(window.localStorage.getItem("mutual.language")).toBe("ms");
  });

  it("stores the language chosen on this device for a person who never chose one", async () => {
    window.localStorage.setItem("mutual.language", "ta");
    const calls = stubFetch(signedIn(null));
    renderRoutes(routes, "/");
    await waitFor(() =>
      expect(calls.filter((call) => call.method === "PUT")).toEqual([{ method: "PUT", path: "/api/preferences/language", body: { language: "ta" } }]),
    );
  });

  it("stores the language the page follows from the browser for a person who never chose one, so their reminders come in it", async () => {
    await withFixtureText("ms");
    await setLanguage("ms");
    const calls = stubFetch(signedIn(null));
    renderRoutes(routes, "/");
    await waitFor(() =>
      expect(calls.filter((call) => call.method === "PUT")).toEqual([{ method: "PUT", path: "/api/preferences/language", body: { language: "ms" } }]),
    );
    expect(window.localStorage.getItem("mutual.language")).toBeNull();
  });

  it("says so, and stays in the language shown, when the language's text cannot be fetched", async () => {
    stubFetch(visitor);
    const { onLanguageLoad } = await import("../lib/language");
    const stop = onLanguageLoad(async (language) => {
      if (language === "zh-Hans") throw new Error("offline");
    });
    renderRoutes(routes, "/");
    await userEvent.click(within(await switchGroup()).getByRole("button", { name: "简体中文" }));
    expect(await screen.findByRole("status")).toHaveTextContent("We could not reach Mutual");
    stop();
    expect(getLanguage()).toBe("en");
    expect(document.documentElement.lang).not.toBe("zh-Hans");
  });
});
