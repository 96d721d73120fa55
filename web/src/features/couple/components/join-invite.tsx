import { Link, useNavigate } from "react-router";
import { useTranslation } from "react-i18next";
import { Alert } from "../../../components/alert";
import { Loading } from "../../../components/loading";
import { Button } from "../../../components/button";
import { CodeRefused, JoinByCode } from "../../../components/invite-code/join-by-code";
import { refusalKey } from "../../../components/invite-code/invite-code";
import { useAcceptInvite, useInviteLookup } from "../../../lib/api/couple-api";
import { formatDate } from "./format";

/** One plain message per refusal; unknown, expired, used and cancelled codes share one answer. */
export function joinErrorKey(error: unknown) {
  return refusalKey(error, { ALREADY_LINKED: "alreadyLinked" });
}

/**
 * The invited partner's side: the code comes from the link (after "#") or is typed; we show who
 * invited them, then Accept or Not now.
 */
export function JoinInvite() {
  const { t } = useTranslation();
  return (
    <JoinByCode
      entry={{
        title: t("couple.haveCode.title"),
        intro: t("couple.join.intro"),
        label: t("couple.haveCode.label"),
        hint: t("couple.haveCode.hint"),
        submit: t("couple.haveCode.submit"),
        invalid: t("couple.join.errors.invalid"),
      }}
      answer={(code, onTryAnother) => <InviteAnswer code={code} onTryAnother={onTryAnother} />}
    />
  );
}

function InviteAnswer({ code, onTryAnother }: { code: string; onTryAnother: () => void }) {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const lookup = useInviteLookup(code);
  const accept = useAcceptInvite();

  if (lookup.isPending) return <Loading />;
  if (lookup.isError) {
    return (
      <CodeRefused
        message={t(`couple.join.errors.${joinErrorKey(lookup.error)}`)}
        tryAnother={t("couple.join.tryAnother")}
        onTryAnother={onTryAnother}
        back={{ to: "/partner", label: t("couple.backToPartner") }}
      />
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
