/* global self, caches */
// Mutual's service worker (decision 048), written out by the build (vite.config.ts fills in the
// version and the list of files). It keeps the app's own files so the app opens without a
// connection, and serves a plain offline page when even that is missing. It never touches the API:
// those answers are private and sent with no-store, so they are never kept here.
const VERSION = "__MUTUAL_VERSION__";
const PRECACHE = /** @type {string[]} */ (JSON.parse("__MUTUAL_PRECACHE__"));
const CACHE = `mutual-app-${VERSION}`;
const SHELL = "/";
const OFFLINE = "/offline.html";
const neverCached = ["/api/", "/livez", "/readyz", "/unsubscribe/", "/.well-known/"];

self.addEventListener("install", (event) => {
  event.waitUntil(
    caches
      .open(CACHE)
      // The shell is asked for as a page, as a browser would (the server answers a page only then).
      .then((cache) => cache.addAll([new Request(SHELL, { headers: { accept: "text/html" } }), ...PRECACHE]))
      .then(() => self.skipWaiting()),
  );
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) => Promise.all(keys.filter((key) => key.startsWith("mutual-app-") && key !== CACHE).map((key) => caches.delete(key))))
      .then(() => self.clients.claim()),
  );
});

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET") return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  if (neverCached.some((prefix) => url.pathname.startsWith(prefix))) return;
  if (request.mode === "navigate") {
    // The network first, so a new version and the server's headers arrive; the kept shell offline.
    event.respondWith(
      fetch(request).catch(
        async () =>
          (await caches.match(SHELL, { cacheName: CACHE, ignoreVary: true })) ?? (await caches.match(OFFLINE, { cacheName: CACHE })) ?? Response.error(),
      ),
    );
    return;
  }
  if (PRECACHE.includes(url.pathname)) {
    event.respondWith(caches.match(url.pathname, { cacheName: CACHE, ignoreVary: true }).then((hit) => hit ?? fetch(request)));
  }
});

// A push from our server (decision 060): a neutral title and a link within the app, nothing else.
// Whatever arrives, only that title is shown (a payload that cannot be read shows it too), so a
// lock screen never says more than this.
const NEUTRAL_TITLE = "Your weekly moment is ready";

/** The path a notice links to, kept to our own pages. */
function pathOf(data) {
  const url = data && typeof data.url === "string" ? data.url : "/";
  return url.startsWith("/") && !url.startsWith("//") ? url : "/";
}

self.addEventListener("push", (event) => {
  let data;
  try {
    data = event.data ? event.data.json() : null;
  } catch {
    data = null;
  }
  const title = data && typeof data.title === "string" && data.title.length <= 60 ? data.title : NEUTRAL_TITLE;
  // One notice per link on screen at a time: a newer weekly reminder replaces the older one, but
  // not a request's notice (decision 071), which links elsewhere.
  const path = pathOf(data);
  // The title's language (decision 083), for the screen reader; only one of ours, and only with a title of ours.
  const lang = title !== NEUTRAL_TITLE && ["en", "zh-Hans", "ms", "ta"].includes(data.lang) ? data.lang : "en";
  event.waitUntil(self.registration.showNotification(title, { data: { path }, tag: `notice:${path}`, lang }));
});

// Quick exit (decision 071): the page is leaving and cannot wait, so this worker unsubscribes the
// device in the browser; its push service then tells our server the device is gone.
self.addEventListener("message", (event) => {
  if (!event.data || event.data.type !== "forget-push") return;
  event.waitUntil(
    self.registration.pushManager
      .getSubscription()
      .then((subscription) => (subscription ? subscription.unsubscribe() : false))
      .catch(() => false),
  );
});

self.addEventListener("notificationclick", (event) => {
  event.notification.close();
  const target = new URL(pathOf(event.notification.data), self.location.origin).href;
  event.waitUntil(
    self.clients.matchAll({ type: "window", includeUncontrolled: true }).then((windows) => {
      const open = windows.find((client) => new URL(client.url).origin === self.location.origin);
      if (open) return open.focus().then((client) => (client && "navigate" in client ? client.navigate(target) : undefined));
      return self.clients.openWindow(target);
    }),
  );
});
