import { useId } from "react";
import { Alert } from "../alert";
import { CopyButton } from "./copy-button";
import { displayCode, inviteLinkFor } from "./invite-code";

/** The words around a new code, in the feature's own voice; `expires` already holds the date. */
export type FreshInviteCodeText = { codeLabel: string; linkLabel: string; copyCode: string; copyLink: string; expires: string; shownOnce: string };

/**
 * A code just made, shown this once (only its hash is stored): the code and the link that
 * carries it, each with a copy button, when it stops working, and that it will not be shown again.
 */
export function FreshInviteCode({ code, joinPath, text }: { code: string; joinPath: string; text: FreshInviteCodeText }) {
  const id = useId();
  const shown = displayCode(code);
  const link = inviteLinkFor(joinPath, code);
  return (
    <div className="invite-code">
      <p className="invite-code__label" id={`${id}-code`}>
        {text.codeLabel}
      </p>
      <p className="invite-code__code" aria-labelledby={`${id}-code`}>
        {shown}
      </p>
      <CopyButton text={shown} label={text.copyCode} />
      <p className="invite-code__label" id={`${id}-link`}>
        {text.linkLabel}
      </p>
      <p className="invite-code__link" aria-labelledby={`${id}-link`}>
        {link}
      </p>
      <CopyButton text={link} label={text.copyLink} />
      <p>{text.expires}</p>
      <Alert tone="info">{text.shownOnce}</Alert>
    </div>
  );
}
