import { render, screen } from "@testing-library/react";
import { useTranslation } from "react-i18next";
import { afterEach, describe, expect, it } from "vitest";
import { en } from "../locales/en/index";
import { addLanguageText, forgetCatalogue } from "./i18n";

// Decision 095's safety net: a page that shows a catalogue it did not declare (route-catalogues.test.ts
// is meant to prevent that) gets it fetched when the first key is asked for, and re-renders with it.

function NotFoundTitle() {
  const { t } = useTranslation();
  return <h1>{t("notFound.title")}</h1>;
}

afterEach(() => addLanguageText("en", { notFound: en.notFound }));

describe("a catalogue no page declared", () => {
  it("is fetched when one of its keys is asked for, and the text replaces the raw key", async () => {
    forgetCatalogue("en", "notFound");
    render(<NotFoundTitle />);
    expect(await screen.findByRole("heading", { name: en.notFound.title })).toBeInTheDocument();
    expect(screen.queryByText("notFound.title")).not.toBeInTheDocument();
  });
});
