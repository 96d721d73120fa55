import { Link, useSearchParams } from "react-router";
import { useTranslation } from "react-i18next";
import { Alert } from "../../../components/alert";
import { Loading } from "../../../components/loading";
import { SCOPES, useCouple, type CoupleStateResponse, type ShareScope } from "../../../lib/api/couple-api";
import { formatDate } from "./format";
import { HaveCodeForm, InviteSection } from "./invite-section";
import { ShareChoices } from "./share-choices";
import { UnlinkSection } from "./unlink-section";
import { LoadError } from "../../../components/load-error";
import { useProfile } from "../../../lib/api/profile-api";

/** The /partner page body: invite or join when not linked; sharing, partner views and unlink when linked. */
export function PartnerPanel() {
  const { t } = useTranslation();
  const couple = useCouple();
  const [params] = useSearchParams();

  if (couple.isPending) return <Loading />;
  if (couple.isError) {
    return <LoadError message={t("couple.loadError")} retryLabel={t("couple.retry")} query={couple} />;
  }
  const state = couple.data;
  if (!state.couple) {
    return (
      <>
        {state.lastEndedAt && <Alert tone="info">{t("couple.ended")}</Alert>}
        <InviteSection pending={state.invite} />
        <HaveCodeForm />
      </>
    );
  }
  return (
    <>
      {params.has("joined") && <Alert tone="success">{t("couple.joined", { name: state.couple.partner.name })}</Alert>}
      <Linked couple={state.couple} />
    </>
  );
}

function Linked({ couple }: { couple: NonNullable<CoupleStateResponse["couple"]> }) {
  const { t, i18n } = useTranslation();
  const name = couple.partner.name;
  const profile = useProfile();
  // Someone without a profile yet has no scores to share: their next step is the profile itself.
  const hasNoProfile = profile.data?.profile === null;
  return (
    <>
      <section aria-labelledby="linked-title" className="card">
        <h2 id="linked-title">{t("couple.linked.title", { name })}</h2>
        <p>{t("couple.linked.since", { date: formatDate(couple.since, i18n.language) })}</p>
      </section>
      {profile.isPending ? (
        <Loading />
      ) : hasNoProfile ? (
        <section aria-labelledby="next-step-title" className="card">
          <h2 id="next-step-title">{t("couple.nextStep.title")}</h2>
          <p>{t("couple.nextStep.body", { name })}</p>
          <Link to="/assessment" className="button button--primary">
            {t("couple.nextStep.action")}
          </Link>
        </section>
      ) : (
        <ShareChoices partnerName={name} myScopes={couple.myScopes} />
      )}
      <TheirShares name={name} scopes={couple.partnerScopes} />
      <UnlinkSection partnerName={name} />
    </>
  );
}

function TheirShares({ name, scopes }: { name: string; scopes: readonly ShareScope[] }) {
  const { t } = useTranslation();
  const shared = SCOPES.filter((scope) => scopes.includes(scope));
  return (
    <section aria-labelledby="theirs-title" className="card">
      <h2 id="theirs-title">{t("couple.theirs.title", { name })}</h2>
      {shared.length === 0 ? (
        <p>{t("couple.theirs.none", { name })}</p>
      ) : (
        <ul className="scope-list">
          {shared.map((scope) => (
            <li key={scope}>{t(`couple.scopeNames.${scope}`)}</li>
          ))}
        </ul>
      )}
      <ul className="link-list">
        <li>
          <Link to="/partner/report">{t("couple.theirs.report")}</Link>
        </li>
        {scopes.includes("check-in-trends") && (
          <li>
            <Link to="/partner/check-ins">{t("couple.theirs.checkIns", { name })}</Link>
          </li>
        )}
        {scopes.includes("exercises") && (
          <li>
            <Link to="/partner/exercises">{t("couple.theirs.exercises", { name })}</Link>
          </li>
        )}
      </ul>
    </section>
  );
}
