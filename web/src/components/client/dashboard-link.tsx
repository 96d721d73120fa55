import { Link } from "react-router";
import { useTranslation } from "react-i18next";

/** The practice page's way to the counsellor's dashboard of their clients. */
export function DashboardLink({ practiceId }: { practiceId: string }) {
  const { t } = useTranslation();
  return (
    <p>
      <Link to={`/practice/${encodeURIComponent(practiceId)}/clients`}>{t("clientDashboard.openLink")}</Link>
    </p>
  );
}
