import { Link } from "react-router";
import { ApiRequestError } from "../../lib/api-client";
import { Alert } from "../alert";

/** The server refuses a counsellor's client data until two-step sign-in is on (403 TWO_FACTOR_REQUIRED). */
export function isTwoFactorRequired(error: unknown): boolean {
  return error instanceof ApiRequestError && error.code === "TWO_FACTOR_REQUIRED";
}

/** Why the page shows nothing yet, and the way to turn two-step sign-in on. */
export function TwoFactorRequired({ message, linkLabel }: { message: string; linkLabel: string }) {
  return (
    <Alert tone="info">
      <p className="alert__text">{message}</p>
      <Link to="/account/two-factor">{linkLabel}</Link>
    </Alert>
  );
}
