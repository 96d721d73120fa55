import { applyDiscreetMode } from "./discreet-mode";
import { registerServiceWorker } from "./register-service-worker";
import { sendKeptCheckInsWhenOnline } from "./offline-check-ins";

/** What this device needs once the app is running: discreet mode's name and icon, the service worker, and sending a check-in kept offline. Loaded beside the first screen, not in it. */
export function setUpDevice(): void {
  applyDiscreetMode();
  registerServiceWorker();
  // A check-in saved with no connection goes as soon as there is one (decision 049).
  sendKeptCheckInsWhenOnline();
}
