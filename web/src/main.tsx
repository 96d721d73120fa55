// First: the schemas imported below must be built without eval (see the module).
import "./lib/zod-without-eval";
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { AppRouter } from "./app/router";
import { startFirstPageData } from "./app/first-page-data";
import { guardAgainstReturn, watchBackForwardCache } from "./features/safety/quick-exit";
import { setLanguage, startingLanguage } from "./lib/language";
import "./lib/shell-text";
import "./styles.css";

// Before anything renders: a Back press after a quick exit must not show the app.
if (!guardAgainstReturn()) {
  watchBackForwardCache();
  // Who is signed in, and then the first page's data, asked now rather than after the first render.
  startFirstPageData(location.pathname);
  // Discreet mode's manifest and icon, and the service worker (decision 048), off the first load.
  void import("./lib/device-setup").then((device) => device.setUpDevice());
  const root = document.getElementById("root");
  // The page shows in its language from the start (decision 074): the frame's words of a language
  // other than English are a small chunk, waited for; if it cannot come, the page shows in English.
  const render = () =>
    root &&
    createRoot(root).render(
      <StrictMode>
        <AppRouter />
      </StrictMode>,
    );
  void setLanguage(startingLanguage()).then(render, render);
}
