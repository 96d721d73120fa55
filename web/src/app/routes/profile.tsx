import { Link } from "react-router";
import { useTranslation } from "react-i18next";
import { Page } from "../../components/page";
import { useCurrentAssessment } from "../../lib/api/assessment-api";
import { useProfile } from "../../lib/api/profile-api";
import { useSharingNow } from "../../lib/api/sharing-api";
import { ProfileDetails } from "../../features/profile/components/profile-details";
import { Loading } from "../../components/loading";
import { LoadError } from "../../components/load-error";

export function ProfileRoute() {
  const { t } = useTranslation();
  const profile = useProfile();
  const current = useCurrentAssessment();
  // Asked beside the profile, and waited for: the sentence about who can see it sits above the
  // map, and arriving later it would push the map down (decision 061).
  const sharing = useSharingNow();

  if (profile.isPending || (sharing.status === "pending" && profile.data?.profile)) {
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
