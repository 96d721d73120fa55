import { useEffect, useState, type ReactNode } from "react";
import { Link, useLocation, useNavigate } from "react-router";
import { Alert } from "../alert";
import { Button } from "../button";
import { CodeEntryForm, type CodeEntryText } from "./code-entry-form";
import { codeFromHash } from "./invite-code";

/**
 * The code to join with: from the link (after "#"), else null until one is typed. A signed-out
 * visitor reaches this page only after signing in, and the sign-in keeps the path and fragment,
 * so the code survives that detour.
 */
export function useCodeFromLink(): [string | null, (code: string | null) => void] {
  const location = useLocation();
  const navigate = useNavigate();
  const [code, setCode] = useState<string | null>(() => codeFromHash(location.hash));

  // Take the code out of the address bar once read, so it does not linger in the history.
  useEffect(() => {
    if (location.hash) void navigate({ pathname: location.pathname, search: location.search }, { replace: true });
  }, [location.hash, location.pathname, location.search, navigate]);

  return [code, setCode];
}

/**
 * Joining by a code: the code from the link, or a form to type one; then `answer` shows what
 * the code is for (and how to accept it), with a way back to the form.
 */
export function JoinByCode({ entry, answer }: { entry: CodeEntryText; answer: (code: string, onTryAnother: () => void) => ReactNode }) {
  const [code, setCode] = useCodeFromLink();
  if (code === null) return <CodeEntryForm text={entry} onCode={setCode} />;
  return answer(code, () => setCode(null));
}

/** A code that did not work: the reason in plain words, another try, or back to the feature's page. */
export function CodeRefused({
  message,
  tryAnother,
  onTryAnother,
  back,
}: {
  message: string;
  tryAnother: string;
  onTryAnother: () => void;
  back: { to: string; label: string };
}) {
  return (
    <>
      <Alert tone="error">{message}</Alert>
      <div className="actions">
        <Button variant="secondary" onClick={onTryAnother}>
          {tryAnother}
        </Button>
        <Link to={back.to} className="button button--link">
          {back.label}
        </Link>
      </div>
    </>
  );
}
