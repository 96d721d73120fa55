import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Button } from "../button";

type CopyState = "idle" | "copied" | "failed";

/** Copies a text with the clipboard where it is allowed; otherwise asks the person to copy it by hand. */
export function CopyButton({ text, label }: { text: string; label: string }) {
  const { t } = useTranslation();
  const [state, setState] = useState<CopyState>("idle");
  const onCopy = async () => {
    try {
      if (!navigator.clipboard?.writeText) throw new Error("no clipboard");
      await navigator.clipboard.writeText(text);
      setState("copied");
    } catch {
      setState("failed");
    }
  };
  return (
    <span className="copy">
      <Button variant="secondary" onClick={() => void onCopy()}>
        {label}
      </Button>
      <span role="status" className="copy__status">
        {state === "copied" ? t("inviteCode.copied") : state === "failed" ? t("inviteCode.copyFailed") : ""}
      </span>
    </span>
  );
}
