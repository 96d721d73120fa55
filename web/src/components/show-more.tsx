import { useEffect, useRef } from "react";
import { Alert } from "./alert";
import { Button } from "./button";

/** What the control needs of a paged query (TanStack Query's infinite query gives exactly this). */
export type PagedQuery = { hasNextPage: boolean; isFetchingNextPage: boolean; isFetchNextPageError: boolean; fetchNextPage: () => unknown };

/**
 * The end of a paged list (decision 040): how many rows are shown, announced politely, and a button
 * for the next page while there is one. When the last page arrives the button goes, so focus moves
 * to the count instead of being lost; a page that failed to load offers the same button again.
 */
export function ShowMore({ query, text }: { query: PagedQuery; text: { shown: string; more: string; loadError: string } }) {
  const status = useRef<HTMLParagraphElement>(null);
  const asked = useRef(false);
  useEffect(() => {
    if (asked.current && !query.isFetchingNextPage && !query.hasNextPage) {
      asked.current = false;
      status.current?.focus();
    }
  }, [query.isFetchingNextPage, query.hasNextPage]);
  return (
    <div className="show-more">
      <p ref={status} role="status" tabIndex={-1}>
        {text.shown}
      </p>
      {query.isFetchNextPageError && <Alert tone="error">{text.loadError}</Alert>}
      {query.hasNextPage && (
        <Button
          variant="secondary"
          busy={query.isFetchingNextPage}
          onClick={() => {
            asked.current = true;
            void query.fetchNextPage();
          }}
        >
          {text.more}
        </Button>
      )}
    </div>
  );
}
