import { shellText } from "../lib/shell-text";

/** The one "Loading…" line: announced politely to screen readers. */
export function Loading() {
  return (
    <p className="loading" role="status">
      {shellText("app.loading")}
    </p>
  );
}
