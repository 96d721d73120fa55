import { useTranslation } from "react-i18next";
import type { ClientDetailMember } from "@mutual/core";
import "./member-safety-check.css";

type DateFormat = (iso: string) => string;

/**
 * What a member's private safety check found, for their counsellor alone: on the client page and in
 * the report's private part, never among the points for both partners (decision 038). Says plainly
 * when the member does not share it, or shares it without the profile it belongs to.
 */
export function MemberSafetyCheck({ member, date }: { member: ClientDetailMember; date: DateFormat }) {
  const { t } = useTranslation();
  const name = member.name;
  const check = member.safetyCheck;
  if (!check) {
    const key =
      member.scopes.includes("safety") && !member.scopes.includes("profile")
        ? "clientDashboard.safetyCheck.needsProfile"
        : "clientDashboard.safetyCheck.notShared";
    return <p>{t(key, { name })}</p>;
  }
  const first = check.firstConcernAt === null ? null : date(check.firstConcernAt);
  const last = check.lastConcernAt === null ? null : date(check.lastConcernAt);
  return (
    <div className="member-safety-check">
      <p className="member-safety-check__private">{t("clientDashboard.safetyCheck.private", { name })}</p>
      <p>
        {check.concernNow
          ? t("clientDashboard.safetyCheck.concernNow", { first, last })
          : first !== null
            ? t("clientDashboard.safetyCheck.concernBefore", { first, last })
            : t("clientDashboard.safetyCheck.noConcern")}
      </p>
      {check.skippedNow && <p>{t("clientDashboard.safetyCheck.skipped", { name })}</p>}
    </div>
  );
}
