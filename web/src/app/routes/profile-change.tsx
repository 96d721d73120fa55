import { Link } from "react-router";
import { useTranslation } from "react-i18next";
import { Alert } from "../../components/alert";
import { Button } from "../../components/button";
import { Page } from "../../components/page";
import { useProfileChange } from "../../lib/api/profile-api";
import { ChangeView } from "../../features/profile/components/change-view";
import { Loading } from "../../components/loading";

export function ProfileChangeRoute() {
  const { t } = useTranslation();
  const change = useProfileChange();
  return (
    <Page title={t("profile.changeTitle")}>
      {change.isPending && <Loading />}
      {change.isError && (
        <>
          <Alert tone="error">{t("profile.loadError")}</Alert>
          <div className="actions">
            <Button variant="secondary" onClick={() => void change.refetch()}>
              {t("profile.tryAgain")}
            </Button>
          </div>
        </>
      )}
      {change.data && (change.data.change ? <ChangeView change={change.data.change} /> : <p>{t("profile.changeNone")}</p>)}
      <p>
        <Link to="/profile">{t("profile.backToProfile")}</Link>
      </p>
    </Page>
  );
}
