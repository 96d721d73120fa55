import { Alert } from "./alert";
import { Button } from "./button";

/** The part of a query a retry needs: TanStack Query's result has both. */
export type Retryable = { refetch: () => unknown; isFetching: boolean };

/** A read that failed: what went wrong, and a way to try again that shows it is working. */
export function LoadError({ message, retryLabel, query }: { message: string; retryLabel: string; query: Retryable }) {
  return (
    <Alert tone="error">
      <p className="alert__text">{message}</p>
      <Button variant="secondary" onClick={() => void query.refetch()} busy={query.isFetching}>
        {retryLabel}
      </Button>
    </Alert>
  );
}
