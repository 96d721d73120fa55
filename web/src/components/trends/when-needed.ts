// Chart drawing waits until a chart is about to be seen and the main thread is free, so opening
// the trends page does not block input while four charts are drawn at once (issue 7). Each
// helper returns a function that cancels what it scheduled.

/** How far below (or above) the viewport a chart starts drawing, so it is ready when scrolled to. */
const NEAR_VIEWPORT = "300px 0px";

/** Calls `callback` once, when `element` comes within NEAR_VIEWPORT of the viewport (at once where that cannot be watched). */
export function whenNearViewport(element: Element, callback: () => void): () => void {
  if (typeof IntersectionObserver !== "function") {
    let cancelled = false;
    queueMicrotask(() => {
      if (!cancelled) callback();
    });
    return () => {
      cancelled = true;
    };
  }
  const observer = new IntersectionObserver(
    (entries) => {
      if (entries.some((entry) => entry.isIntersecting)) {
        observer.disconnect();
        callback();
      }
    },
    { rootMargin: NEAR_VIEWPORT },
  );
  observer.observe(element);
  return () => observer.disconnect();
}

/** Calls `callback` in a task of its own once the browser is idle (within a second at most). */
export function whenIdle(callback: () => void): () => void {
  if (typeof requestIdleCallback === "function") {
    const id = requestIdleCallback(callback, { timeout: 1000 });
    return () => cancelIdleCallback(id);
  }
  const id = setTimeout(callback, 0);
  return () => clearTimeout(id);
}
