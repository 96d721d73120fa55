import "@testing-library/jest-dom/vitest";
import { cleanup } from "@testing-library/react";
import { afterEach } from "vitest";
import { initI18n } from "../lib/i18n";
import { resetSession } from "../lib/session";
import { en } from "../locales/en/index";

// Components render without the lazy page loader here, so all text is there from the start.
initI18n("en", en);
afterEach(() => {
  cleanup();
  resetSession();
});
