import { useState, type FormEvent } from "react";
import { Link, useNavigate } from "react-router";
import { useTranslation } from "react-i18next";
import { Alert } from "../../../components/alert";
import { Button } from "../../../components/button";
import { Loading } from "../../../components/loading";
import { CodeRefused, JoinByCode } from "../../../components/invite-code/join-by-code";
import { refusalKey } from "../../../components/invite-code/invite-code";
import { DEFAULT_SCOPES, useAcceptClientInvite, useClientInviteLookup, type CounsellingScope } from "../../../lib/api/counselling-api";
import { ScopeChoices, orderedScopes, toggled } from "./scope-choices";
import { intlLocale } from "../../../lib/language";

/** One plain message per refusal; unknown, expired, used and cancelled codes share one answer. */
export function joinErrorKey(error: unknown) {
  return refusalKey(error, { ALREADY_CLIENT: "alreadyClient", NOT_LINKED: "notLinked", NOT_PARTNER: "notPartner" });
}

/**
 * The client's side of an invite: the code comes from the link (after "#") or is typed; the
 * practice and counsellor are shown first, then the scopes (profile and check-ins ticked,
 * safety and notes not), then Accept or Not now.
 */
export function JoinCounselling() {
  const { t } = useTranslation();
  return (
    <JoinByCode
      entry={{
        title: t("counselling.haveCode.title"),
        intro: t("counselling.join.intro"),
        label: t("counselling.join.codeLabel"),
        hint: t("counselling.join.codeHint"),
        submit: t("counselling.join.check"),
        invalid: t("counselling.join.errors.invalid"),
      }}
      answer={(code, onTryAnother) => <InviteAnswer code={code} onTryAnother={onTryAnother} />}
    />
  );
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
      <CodeRefused
        message={t(`counselling.join.errors.${joinErrorKey(lookup.error)}`)}
        tryAnother={t("counselling.join.tryAnother")}
        onTryAnother={onTryAnother}
        back={{ to: "/counselling", label: t("counselling.title") }}
      />
    );
  }
  const { practice, counsellor, kind, expiresAt } = lookup.data;
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    accept.mutate({ code, scopes: orderedScopes(chosen) }, { onSuccess: () => void navigate("/counselling?joined=1", { replace: true }) });
  };
  const date = new Intl.DateTimeFormat(intlLocale(i18n.language), { dateStyle: "long" }).format(new Date(expiresAt));
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
