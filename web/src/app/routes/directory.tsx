import { Link, useNavigate, useParams, useSearchParams } from "react-router";
import { useTranslation } from "react-i18next";
import { Alert } from "../../components/alert";
import { Page } from "../../components/page";
import { useSession } from "../../lib/session";
import { AskForCounselling } from "../../features/counselling/components/ask-for-counselling";
import { Directory } from "../../features/counselling/components/directory";
import { MyCounsellingRequests } from "../../features/counselling/components/my-counselling-requests";

/**
 * The practices on this server (decision 054): open to anyone, signed in or not, so a person can
 * find a counsellor before making an account; asking through Mutual needs an account.
 * `?only=individual` (from the private safety box) offers counselling for one person only.
 */
export function DirectoryRoute() {
  const { t } = useTranslation();
  const [search] = useSearchParams();
  const me = useSession();
  const onlyIndividual = search.get("only") === "individual";
  const kind = search.get("kind");
  return (
    <Page title={t("counselling.directory.title")}>
      <p className="lead">{t("counselling.directory.intro")}</p>
      {onlyIndividual && <p>{t("counselling.directory.individualOnly")}</p>}
      {me.data ? (
        <p>
          <Link to="/directory/requests">{t("counselling.directory.myRequestsLink")}</Link>
        </p>
      ) : (
        <p className="muted">{t("counselling.directory.signedOut")}</p>
      )}
      <Directory onlyIndividual={onlyIndividual} initialKind={kind === "couple" || kind === "individual" ? kind : undefined} />
    </Page>
  );
}

/** Ask one listed practice (decision 055). */
export function DirectoryAskRoute() {
  const { t } = useTranslation();
  const { practiceId = "" } = useParams();
  const [search] = useSearchParams();
  const navigate = useNavigate();
  return (
    <Page title={t("counselling.ask.title")}>
      <AskForCounselling
        practiceId={practiceId}
        onlyIndividual={search.get("only") === "individual"}
        onSent={() => void navigate("/directory/requests?sent=1")}
      />
    </Page>
  );
}

/** My requests for counselling and where each stands. */
export function DirectoryRequestsRoute() {
  const { t } = useTranslation();
  const [search] = useSearchParams();
  return (
    <Page title={t("counselling.requests.title")}>
      {search.get("sent") === "1" && <Alert tone="success">{t("counselling.ask.sent")}</Alert>}
      <MyCounsellingRequests />
      <p>
        <Link to="/directory">{t("counselling.requests.findLink")}</Link>
      </p>
    </Page>
  );
}
