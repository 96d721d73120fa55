import { Link } from "react-router";
import { useTranslation } from "react-i18next";
import type { CounsellingScope, ShareScope } from "@mutual/core";
import { useSharingNow } from "../../lib/api/sharing-api";

const PARTNER_SCOPE_ORDER: readonly ShareScope[] = ["overview", "dimensions", "check-in-trends", "exercises"];
const COUNSELLING_SCOPE_ORDER: readonly CounsellingScope[] = ["profile", "check-ins", "safety", "notes"];

/**
 * Everything the person shares right now, person by person, with the ways to change it: the
 * "review what you share" the consent notice and the private safety box point to.
 */
export function SharingSummary({ headingLevel = 3 }: { headingLevel?: 2 | 3 }) {
  const { t } = useTranslation();
  const sharing = useSharingNow();
  const Heading = headingLevel === 2 ? "h2" : "h3";
  if (sharing.status === "pending") return null;
  if (sharing.status === "error") return <p>{t("sharing.unknown")}</p>;
  const { partner, counsellors } = sharing.sharing;
  const list = (names: string[]) => (names.length === 0 ? t("sharing.nothing") : names.join(", "));
  return (
    <div className="sharing-summary">
      <Heading>{t("sharing.summaryTitle")}</Heading>
      {partner === null && counsellors.length === 0 ? (
        <p>{t("sharing.summaryNone")}</p>
      ) : (
        <ul>
          {partner && (
            <li>
              {t("sharing.summaryPartner", {
                name: partner.name,
                scopes: list(PARTNER_SCOPE_ORDER.filter((scope) => partner.scopes.includes(scope)).map((scope) => t(`couple.scopeNames.${scope}`))),
              })}{" "}
              <Link to="/partner">{t("sharing.changePartner")}</Link>
            </li>
          )}
          {counsellors.map((counsellor) => (
            <li key={`${counsellor.practice}:${counsellor.name}`}>
              {t("sharing.summaryCounsellor", {
                name: counsellor.name,
                practice: counsellor.practice,
                scopes: list(
                  COUNSELLING_SCOPE_ORDER.filter((scope) => counsellor.scopes.includes(scope)).map((scope) => t(`counselling.scopes.${scope}.label`)),
                ),
              })}{" "}
              <Link to="/counselling">{t("sharing.changeCounselling")}</Link>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
