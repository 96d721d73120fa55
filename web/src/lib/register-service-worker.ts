/**
 * Registers the service worker (decision 048) once the page has loaded, in built apps only: it
 * keeps the app's own files for offline use and never the API's answers.
 */
export function registerServiceWorker(): void {
  if (!import.meta.env.PROD || !("serviceWorker" in navigator)) return;
  const register = () => void navigator.serviceWorker.register("/sw.js").catch(() => undefined);
  if (document.readyState === "complete") register();
  else window.addEventListener("load", register, { once: true });
}
