import { Link } from "react-router";
import { useTranslation } from "react-i18next";
import { Page } from "../../components/page";
import { useProfileChange } from "../../lib/api/profile-api";
import { ChangeView } from "../../features/profile/components/change-view";
import { Loading } from "../../components/loading";
import { LoadError } from "../../components/load-error";

export function ProfileChangeRoute() {
  const { t } = useTranslation();
  const change = useProfileChange();
  return (
    <Page title={t("profile.changeTitle")}>
      {change.isPending && <Loading />}
      {change.isError && (
        <>
          <LoadError message={t("profile.loadError")} retryLabel={t("profile.tryAgain")} query={change} />
        </>
      )}
      {change.data && (change.data.change ? <ChangeView change={change.data.change} /> : <p>{t("profile.changeNone")}</p>)}
      <p>
        <Link to="/profile">{t("profile.backToProfile")}</Link>
      </p>
    </Page>
  );
}
