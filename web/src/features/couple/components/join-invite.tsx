import { useEffect, useState, type FormEvent } from "react";
import { Link, useLocation, useNavigate } from "react-router";
import { useTranslation } from "react-i18next";
import { formatInviteCode, normalizeInviteCode } from "@mutual/core";
import { Alert } from "../../../components/alert";
import { Button } from "../../../components/button";
import { Loading } from "../../../components/loading";
import { TextField } from "../../../components/text-field";
import { useAcceptInvite, useInviteLookup } from "../api/couple-api";
import { errorCodeOf, formatDate } from "./format";

type ErrorKey = "notFound" | "invalid" | "own" | "alreadyLinked" | "tooMany" | "other";

/** One plain message per refusal; unknown, expired, used and cancelled codes share one answer. */
export function joinErrorKey(error: unknown): ErrorKey {
  switch (errorCodeOf(error)) {
    case "INVITE_NOT_FOUND":
      return "notFound";
    case "INVALID_CODE":
      return "invalid";
    case "OWN_INVITE":
      return "own";
    case "ALREADY_LINKED":
      return "alreadyLinked";
    case "TOO_MANY_ATTEMPTS":
      return "tooMany";
    default:
      return "other";
  }
}

function codeFromHash(hash: string): string | null {
  if (!hash.startsWith("#") || hash.length < 2) return null;
  let raw = hash.slice(1);
  try {
    raw = decodeURIComponent(raw);
  } catch {
    // keep it as it came
  }
  return raw;
}

/**
 * The invited partner's side: the code comes from the link (after "#") or is typed; we show who
 * invited them, then Accept or Not now.
 */
export function JoinInvite() {
  const { t } = useTranslation();
  const location = useLocation();
  const navigate = useNavigate();
  const [code, setCode] = useState<string | null>(() => codeFromHash(location.hash));
  const [typed, setTyped] = useState("");
  const [typedError, setTypedError] = useState<string | undefined>();

  // Take the code out of the address bar once read, so it does not linger in the history.
  useEffect(() => {
    if (location.hash) void navigate({ pathname: location.pathname, search: location.search }, { replace: true });
  }, [location.hash, location.pathname, location.search, navigate]);

  const onTyped = (event: FormEvent) => {
    event.preventDefault();
    const normalised = normalizeInviteCode(typed);
    if (!normalised) {
      setTypedError(t("couple.join.errors.invalid"));
      return;
    }
    setTypedError(undefined);
    setCode(formatInviteCode(normalised));
  };

  if (code === null) {
    return (
      <section aria-labelledby="join-code-title" className="card">
        <h2 id="join-code-title">{t("couple.haveCode.title")}</h2>
        <p>{t("couple.join.intro")}</p>
        <form onSubmit={onTyped} noValidate className="form">
          <TextField
            label={t("couple.haveCode.label")}
            hint={t("couple.haveCode.hint")}
            value={typed}
            onChange={(event) => setTyped(event.target.value)}
            error={typedError}
            autoComplete="off"
            autoCapitalize="characters"
            spellCheck={false}
            maxLength={40}
          />
          <Button type="submit">{t("couple.haveCode.submit")}</Button>
        </form>
      </section>
    );
  }
  return <InviteAnswer code={code} onTryAnother={() => setCode(null)} />;
}

function InviteAnswer({ code, onTryAnother }: { code: string; onTryAnother: () => void }) {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const lookup = useInviteLookup(code);
  const accept = useAcceptInvite();

  if (lookup.isPending) return <Loading />;
  if (lookup.isError) {
    return (
      <>
        <Alert tone="error">{t(`couple.join.errors.${joinErrorKey(lookup.error)}`)}</Alert>
        <div className="actions">
          <Button variant="secondary" onClick={onTryAnother}>
            {t("couple.join.tryAnother")}
          </Button>
          <Link to="/partner" className="button button--link">
            {t("couple.backToPartner")}
          </Link>
        </div>
      </>
    );
  }
  const onAccept = () => accept.mutate(code, { onSuccess: () => void navigate("/partner?joined=1", { replace: true }) });
  return (
    <section aria-labelledby="invited-title" className="card">
      <h2 id="invited-title">{t("couple.join.invitedYou", { name: lookup.data.inviter.name })}</h2>
      <p>{t("couple.join.explain")}</p>
      <p className="muted">{t("couple.join.validUntil", { date: formatDate(lookup.data.expiresAt, i18n.language) })}</p>
      {accept.isError && <Alert tone="error">{t(`couple.join.errors.${joinErrorKey(accept.error)}`)}</Alert>}
      <div className="actions">
        <Button onClick={onAccept} busy={accept.isPending}>
          {accept.isPending ? t("couple.join.accepting") : t("couple.join.accept")}
        </Button>
        <Link to="/" className="button button--secondary">
          {t("couple.join.notNow")}
        </Link>
      </div>
    </section>
  );
}
