import { Link } from "react-router";
import { useTranslation } from "react-i18next";
import { Page } from "../../components/page";
import { useCurrentAssessment } from "../../lib/api/assessment-api";
import { useProfile } from "../../lib/api/profile-api";
import { useCouple } from "../../lib/api/couple-api";
import { useCounselling } from "../../lib/api/counselling-api";
import { ProfileDetails } from "../../features/profile/components/profile-details";
import { Loading } from "../../components/loading";
import { LoadError } from "../../components/load-error";

export function ProfileRoute() {
  const { t } = useTranslation();
  const profile = useProfile();
  const current = useCurrentAssessment();
  // Who can see the profile is asked beside it and waited for (its first answer, not its retries):
  // the sentence sits above the map, and arriving later it would push the map down (decision 061).
  const couple = useCouple();
  const counselling = useCounselling();
  const isSharingFirstAsked = (couple.isPending && couple.failureCount === 0) || (counselling.isPending && counselling.failureCount === 0);

  if (profile.isPending || (isSharingFirstAsked && profile.data?.profile)) {
    return (
      <Page title={t("profile.title")}>
        <Loading />
      </Page>
    );
  }
  if (profile.isError) {
    return (
      <Page title={t("profile.title")}>
        <LoadError message={t("profile.loadError")} retryLabel={t("profile.tryAgain")} query={profile} />
      </Page>
    );
  }
  if (!profile.data.profile) {
    return (
      <Page title={t("profile.title")}>
        <section className="card" aria-labelledby="profile-empty">
          <h2 id="profile-empty">{t("profile.emptyTitle")}</h2>
          <p>{t("profile.emptyBody")}</p>
          <Link to="/assessment" className="button button--primary">
            {t("profile.emptyAction")}
          </Link>
        </section>
      </Page>
    );
  }
  return (
    <Page title={t("profile.title")}>
      <ProfileDetails profile={profile.data.profile} history={profile.data.history} current={current.data} />
    </Page>
  );
}
