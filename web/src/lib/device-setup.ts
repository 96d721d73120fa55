import { applyDiscreetMode } from "./discreet-mode";
import { registerServiceWorker } from "./register-service-worker";

/** What this device needs once the app is running: discreet mode's name and icon, and the service worker. Loaded beside the first screen, not in it. */
export function setUpDevice(): void {
  applyDiscreetMode();
  registerServiceWorker();
}
