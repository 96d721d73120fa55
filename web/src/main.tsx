// First: the schemas imported below must be built without eval (see the module).
import "./lib/zod-without-eval";
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { AppRouter } from "./app/router";
import { startFirstPageData } from "./app/first-page-data";
import { guardAgainstReturn, watchBackForwardCache } from "./features/safety/quick-exit";
import "./styles.css";

// Before anything renders: a Back press after a quick exit must not show the app.
if (!guardAgainstReturn()) {
  watchBackForwardCache();
  // Who is signed in, and then the first page's data, asked now rather than after the first render.
  startFirstPageData(location.pathname);
  // Discreet mode's manifest and icon, and the service worker (decision 048), off the first load.
  void import("./lib/device-setup").then((device) => device.setUpDevice());
  const root = document.getElementById("root");
  if (root) {
    createRoot(root).render(
      <StrictMode>
        <AppRouter />
      </StrictMode>,
    );
  }
}
