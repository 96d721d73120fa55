import { applyDiscreetMode } from "./discreet-mode";
import { registerServiceWorker } from "./register-service-worker";

/** What this device needs once the app is running: discreet mode's name and icon, the service worker, and sending a check-in kept offline. Loaded beside the first screen, not in it. */
export function setUpDevice(): void {
  applyDiscreetMode();
  registerServiceWorker();
  // A check-in saved with no connection goes as soon as there is one (decision 049). Its code (and
  // the device's storage) waits until the page has loaded and the browser is idle, so its requests
  // do not queue beside the first page's on a slow network.
  afterFirstPage(() => void import("./offline-check-ins").then((kept) => kept.sendKeptCheckInsWhenOnline()));
}

function afterFirstPage(run: () => void): void {
  const whenIdle = () => (typeof requestIdleCallback === "function" ? requestIdleCallback(run, { timeout: 2_000 }) : setTimeout(run, 500));
  if (document.readyState === "complete") whenIdle();
  else window.addEventListener("load", whenIdle, { once: true });
}
