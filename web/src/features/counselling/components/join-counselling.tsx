import { useEffect, useState, type FormEvent } from "react";
import { Link, useLocation, useNavigate } from "react-router";
import { useTranslation } from "react-i18next";
import { formatInviteCode, normalizeInviteCode } from "@mutual/core";
import { Alert } from "../../../components/alert";
import { Button } from "../../../components/button";
import { Loading } from "../../../components/loading";
import { TextField } from "../../../components/text-field";
import { ApiRequestError } from "../../../lib/api-client";
import { DEFAULT_SCOPES, useAcceptClientInvite, useClientInviteLookup, type CounsellingScope } from "../api/counselling-api";
import { ScopeChoices, orderedScopes, toggled } from "./scope-choices";

type ErrorKey = "notFound" | "invalid" | "own" | "alreadyClient" | "notLinked" | "notPartner" | "tooMany" | "other";

/** One plain message per refusal; unknown, expired, used and cancelled codes share one answer. */
export function joinErrorKey(error: unknown): ErrorKey {
  const code = error instanceof ApiRequestError ? error.code : undefined;
  const keys: Record<string, ErrorKey> = {
    INVITE_NOT_FOUND: "notFound",
    INVALID_CODE: "invalid",
    OWN_INVITE: "own",
    ALREADY_CLIENT: "alreadyClient",
    NOT_LINKED: "notLinked",
    NOT_PARTNER: "notPartner",
    TOO_MANY_ATTEMPTS: "tooMany",
  };
  return (code && keys[code]) || "other";
}

function codeFromHash(hash: string): string | null {
  if (!hash.startsWith("#") || hash.length < 2) return null;
  try {
    return decodeURIComponent(hash.slice(1));
  } catch {
    return hash.slice(1);
  }
}

/**
 * The client's side of an invite: the code comes from the link (after "#") or is typed; the
 * practice and counsellor are shown first, then the scopes (profile and check-ins ticked,
 * safety and notes not), then Accept or Not now.
 */
export function JoinCounselling() {
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
      setTypedError(t("counselling.join.errors.invalid"));
      return;
    }
    setTypedError(undefined);
    setCode(formatInviteCode(normalised));
  };

  if (code === null) {
    return (
      <section aria-labelledby="counselling-code-title" className="card">
        <h2 id="counselling-code-title">{t("counselling.haveCode.title")}</h2>
        <p>{t("counselling.join.intro")}</p>
        <form onSubmit={onTyped} noValidate className="form">
          <TextField
            label={t("counselling.join.codeLabel")}
            hint={t("counselling.join.codeHint")}
            value={typed}
            onChange={(event) => setTyped(event.target.value)}
            error={typedError}
            autoComplete="off"
            autoCapitalize="characters"
            spellCheck={false}
            maxLength={40}
          />
          <Button type="submit">{t("counselling.join.check")}</Button>
        </form>
      </section>
    );
  }
  return <InviteAnswer code={code} onTryAnother={() => setCode(null)} />;
}

function InviteAnswer({ code, onTryAnother }: { code: string; onTryAnother: () => void }) {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const lookup = useClientInviteLookup(code);
  const accept = useAcceptClientInvite();
  const [chosen, setChosen] = useState<ReadonlySet<CounsellingScope>>(() => new Set(DEFAULT_SCOPES));

  if (lookup.isPending) return <Loading />;
  if (lookup.isError) {
    return (
      <>
        <Alert tone="error">{t(`counselling.join.errors.${joinErrorKey(lookup.error)}`)}</Alert>
        <div className="actions">
          <Button variant="secondary" onClick={onTryAnother}>
            {t("counselling.join.tryAnother")}
          </Button>
          <Link to="/counselling" className="button button--link">
            {t("counselling.title")}
          </Link>
        </div>
      </>
    );
  }
  const { practice, counsellor, kind, expiresAt } = lookup.data;
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    accept.mutate({ code, scopes: orderedScopes(chosen) }, { onSuccess: () => void navigate("/counselling?joined=1", { replace: true }) });
  };
  const date = new Intl.DateTimeFormat(i18n.language, { dateStyle: "long" }).format(new Date(expiresAt));
  return (
    <section aria-labelledby="counselling-invited-title" className="card">
      <h2 id="counselling-invited-title">{t("counselling.join.invitedYou", { counsellor: counsellor.name, practice: practice.name })}</h2>
      <p>{t("counselling.join.forKind", { kind: t(`counselling.kinds.${kind}`) })}</p>
      {kind === "couple" && <p>{t("counselling.join.coupleExplain")}</p>}
      <p>{t("counselling.join.explain", { counsellor: counsellor.name })}</p>
      <form onSubmit={onSubmit} className="form">
        <ScopeChoices
          idPrefix="join-scope"
          counsellor={counsellor.name}
          chosen={chosen}
          onToggle={(scope) => {
            accept.reset();
            setChosen((current) => toggled(current, scope));
          }}
        />
        <p className="muted">{t("counselling.join.validUntil", { date })}</p>
        {accept.isError && <Alert tone="error">{t(`counselling.join.errors.${joinErrorKey(accept.error)}`)}</Alert>}
        <div className="actions">
          <Button type="submit" busy={accept.isPending}>
            {accept.isPending ? t("counselling.join.accepting") : t("counselling.join.accept")}
          </Button>
          <Link to="/counselling" className="button button--secondary">
            {t("counselling.join.notNow")}
          </Link>
        </div>
      </form>
    </section>
  );
}
