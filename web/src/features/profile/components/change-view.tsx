import { useTranslation } from "react-i18next";
import type { ProfileChangeResponse } from "../../../lib/api/profile-api";
import { intlLocale } from "../../../lib/language";

type Change = NonNullable<ProfileChangeResponse["change"]>;

const LOWER_IS_BETTER = new Set(["RELY", "CODEPENDENCY"]);
/** Made of several dimensions: the deployment's alpha per dimension does not give their reliability (decision 022). */
const COMBINED_SCORES = new Set(["WE", "ME", "CODEPENDENCY"]);

/** Before → after per score, with the difference and whether it is bigger than measurement wobble, in words. */
export function ChangeView({ change }: { change: Change }) {
  const { t, i18n } = useTranslation();
  const formatDate = (value: string) => new Intl.DateTimeFormat(intlLocale(i18n.language), { dateStyle: "long" }).format(new Date(value));
  // The language whose own figures a score used (decision 087), named in the page's language.
  const languageName = (code: string) => t(`profile.changeLanguageName.${code}`, { defaultValue: code });
  const signed = (value: number) => {
    const rounded = Math.round(value);
    return rounded > 0 ? `+${rounded}` : rounded < 0 ? `−${Math.abs(rounded)}` : "0";
  };
  return (
    <>
      <p className="lead">{t("profile.changeIntro", { from: formatDate(change.from.completedAt), to: formatDate(change.to.completedAt) })}</p>
      <p>{t("profile.changeExplain")}</p>
      <p className="alert alert--info">{t(change.normSource === "provisional" ? "profile.changeProvisional" : "profile.changeDeployment")}</p>
      {change.normLanguage !== null && <p>{t("profile.changeLanguage", { language: languageName(change.normLanguage) })}</p>}
      <ul className="change-list">
        {change.dimensions.map((row) => (
          <li key={row.key} className={`change change--${row.classification}`}>
            <h2 className="change__name">{t(`profile.changeKeys.${row.key}`)}</h2>
            <dl className="change__numbers">
              <div>
                <dt>{t("profile.changeBefore")}</dt>
                <dd>{Math.round(row.before)}</dd>
              </div>
              <div>
                <dt>{t("profile.changeAfter")}</dt>
                <dd>{Math.round(row.after)}</dd>
              </div>
              <div>
                <dt>{t("profile.changeDifference")}</dt>
                <dd>{signed(row.difference)}</dd>
              </div>
            </dl>
            <p className="change__class">
              <strong>{t(`profile.changeClass.${row.classification}`)}</strong>
              {LOWER_IS_BETTER.has(row.key) && <> {t("profile.changeLowerBetter")}</>}
            </p>
            {/* Said per row only when the rows differ: all-provisional is said once above. */}
            {change.normSource === "deployment" && row.normSource === "provisional" && (
              <p className="change__norms">{t(COMBINED_SCORES.has(row.key) ? "profile.changeRowCombined" : "profile.changeRowProvisional")}</p>
            )}
            {row.normLanguage !== null && <p className="change__norms">{t("profile.changeRowLanguage", { language: languageName(row.normLanguage) })}</p>}
          </li>
        ))}
      </ul>
    </>
  );
}
