// After an update, a browser still showing the old page asks for page chunks whose hashed
// names no longer exist. Reloading once fetches the new page and its new chunk names; the
// mark in sessionStorage stops a loop when the failure has another cause (offline).

const reloadMark = "mutual:reloaded-for-new-version";

/** Loads a page chunk; on a failed chunk download, reloads the page once instead of failing. */
export async function loadChunk<T>(load: () => Promise<T>, win: Window = window): Promise<T> {
  try {
    const loaded = await load();
    win.sessionStorage.removeItem(reloadMark);
    return loaded;
  } catch (error) {
    if (win.sessionStorage.getItem(reloadMark) !== "1") {
      win.sessionStorage.setItem(reloadMark, "1");
      win.location.reload();
      // Keep React suspended while the page reloads.
      return new Promise<T>(() => undefined);
    }
    throw error;
  }
}
