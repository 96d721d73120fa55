import "@testing-library/jest-dom/vitest";
import { cleanup } from "@testing-library/react";
import { afterEach } from "vitest";
import { initI18n } from "../lib/i18n";
import { resetSession } from "../lib/session";
import { en } from "../locales/en/index";
import { takeFixtureProblems } from "./fake-api";

// Components render without the lazy page loader here, so all text is there from the start.
initI18n("en", en);
afterEach(() => {
  cleanup();
  resetSession();
  // A fixture unlike its route's contract fails the test that used it (see fake-api.ts).
  const problems = takeFixtureProblems();
  if (problems.length > 0) throw new Error(`Test fixtures that the API would never send:\n${problems.join("\n")}`);
});
