import { useEffect, useRef } from "react";
import { useSession, useShellPreferences } from "../../lib/session";
import { useShellText } from "../../lib/shell-text";
import { listenForExitShortcut, quickExit } from "./quick-exit";

/**
 * The quick-exit control shown on every page, with its keyboard shortcut. While someone is signed
 * in it also signs this device out, unless they turned that off (decision 037); before their
 * choice has loaded, it does (the safer default).
 */
export function QuickExitButton() {
  const t = useShellText();
  const isSignedIn = Boolean(useSession().data);
  const preferences = useShellPreferences(isSignedIn);
  const endSession = isSignedIn && (preferences?.quickExitEndsSession ?? true);
  // The shortcut is registered once; it reads the latest choice through the ref.
  const endSessionRef = useRef(endSession);
  useEffect(() => {
    endSessionRef.current = endSession;
  }, [endSession]);
  useEffect(() => listenForExitShortcut(() => quickExit(window, { endSession: endSessionRef.current })), []);
  return (
    <button
      type="button"
      className="button button--exit"
      onClick={() => quickExit(window, { endSession })}
      aria-label={t("quickExit.label")}
      title={t("quickExit.hint")}
    >
      {t("quickExit.button")}
    </button>
  );
}
