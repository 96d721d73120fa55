import { useTranslation } from "react-i18next";
import {
  INTERDEPENDENCE_PROFILE_V1,
  PRACTICE_PUBLISH_STEP_N,
  type LanguageDif,
  type LanguagePsychometrics,
  type PracticeDimensionPsychometrics,
  type PracticePsychometricsResponse,
} from "@mutual/core";
import { Alert } from "../../../components/alert";
import { Loading } from "../../../components/loading";
import { DataTable } from "../../../components/data-table";
import { ApiRequestError } from "../../../lib/api-client";
import { usePracticePsychometrics } from "../api/psychometrics-api";
import { TwoFactorRequired, isTwoFactorRequired } from "../../../components/two-factor/two-factor-required";

const questionText = new Map(INTERDEPENDENCE_PROFILE_V1.items.map((item) => [item.id, item.text]));
const show = (value: number | null, digits: number) => (value === null ? "–" : value.toFixed(digits));

/** Reliability per area over the practice's consented profiles, with N: for owners and admins. */
export function PracticePsychometrics({ practiceId }: { practiceId: string }) {
  const { t } = useTranslation();
  const query = usePracticePsychometrics(practiceId);
  if (query.isPending) return <Loading />;
  if (query.isError) {
    const error = query.error;
    if (isTwoFactorRequired(error))
      return <TwoFactorRequired message={t("practicePsychometrics.twoFactor")} linkLabel={t("practicePsychometrics.twoFactorLink")} />;
    if (error instanceof ApiRequestError && error.status === 403) return <Alert tone="info">{t("practicePsychometrics.forbidden")}</Alert>;
    return <Alert tone="error">{t("practicePsychometrics.loadError")}</Alert>;
  }
  return <Figures data={query.data} />;
}

function Figures({ data }: { data: PracticePsychometricsResponse }) {
  const { t } = useTranslation();
  return (
    <>
      <p>{t("practicePsychometrics.intro")}</p>
      <p>{t("practicePsychometrics.respondents", { count: data.respondents })}</p>
      <p>{t("practicePsychometrics.minimum", { minimumN: data.minimumN, statisticsMinimumN: data.statisticsMinimumN })}</p>
      <p>{t("practicePsychometrics.updates", { step: PRACTICE_PUBLISH_STEP_N })}</p>
      <p>{t(`practicePsychometrics.normSource.${data.normSource}`)}</p>
      <Areas dimensions={data.dimensions} caption={t("practicePsychometrics.areasCaption")} statisticsMinimumN={data.statisticsMinimumN} />
      <ByLanguage data={data} />
      <ItemsByLanguage data={data} />
    </>
  );
}

function Items({ dimension, language }: { dimension: PracticeDimensionPsychometrics; language?: string }) {
  const { t } = useTranslation();
  const area = t(`profile.changeKeys.${dimension.dimension}`);
  const caption =
    language === undefined ? t("practicePsychometrics.itemsCaption", { area }) : t("practicePsychometrics.byLanguage.itemsCaption", { area, language });
  return (
    <DataTable caption={caption}>
      <thead>
        <tr>
          <th scope="col">{t("practicePsychometrics.item")}</th>
          <th scope="col">{t("practicePsychometrics.itemTotal")}</th>
          <th scope="col">{t("practicePsychometrics.alphaIfDeleted")}</th>
        </tr>
      </thead>
      <tbody>
        {dimension.items.map((item) => (
          <tr key={item.itemId}>
            <th scope="row">{questionText.get(item.itemId) ?? item.itemId}</th>
            <td>{show(item.correctedItemTotal, 2)}</td>
            <td>{show(item.alphaIfDeleted, 2)}</td>
          </tr>
        ))}
      </tbody>
    </DataTable>
  );
}

type AreasProps = { dimensions: PracticeDimensionPsychometrics[]; caption: string; statisticsMinimumN: number; language?: string };

function Areas({ dimensions, caption, statisticsMinimumN, language }: AreasProps) {
  const { t } = useTranslation();
  return (
    <>
      <DataTable caption={caption}>
        <thead>
          <tr>
            <th scope="col">{t("practicePsychometrics.area")}</th>
            <th scope="col">{t("practicePsychometrics.n")}</th>
            <th scope="col">{t("practicePsychometrics.alpha")}</th>
            <th scope="col">{t("practicePsychometrics.sem")}</th>
            <th scope="col">{t("practicePsychometrics.mean")}</th>
            <th scope="col">{t("practicePsychometrics.sd")}</th>
            <th scope="col">{t("practicePsychometrics.used")}</th>
          </tr>
        </thead>
        <tbody>
          {dimensions.map((dimension) => (
            <tr key={dimension.dimension}>
              <th scope="row">{t(`profile.changeKeys.${dimension.dimension}`)}</th>
              <td>{dimension.n}</td>
              {dimension.isShown ? (
                <>
                  <td>{show(dimension.alpha, 2)}</td>
                  <td>{show(dimension.sem, 1)}</td>
                  <td>{show(dimension.mean, 1)}</td>
                  <td>{show(dimension.sd, 1)}</td>
                </>
              ) : (
                <td colSpan={4}>
                  {language === undefined ? t("practicePsychometrics.hidden", { count: statisticsMinimumN }) : t("practicePsychometrics.byLanguage.hidden")}
                </td>
              )}
              <td>{dimension.isUsedForChange ? t("practicePsychometrics.yes") : t("practicePsychometrics.no")}</td>
            </tr>
          ))}
        </tbody>
      </DataTable>
      {dimensions
        .filter((dimension) => dimension.isShown && dimension.items.length > 0)
        .map((dimension) => (
          <Items key={dimension.dimension} dimension={dimension} language={language} />
        ))}
    </>
  );
}

/** A language code in the page's language; a code the page does not know is shown as it is. */
function useLanguageName() {
  const { t } = useTranslation();
  return (code: string) => t(`practicePsychometrics.languageName.${code}`, { defaultValue: code });
}

/** The same figures for the people who answered in each language (decision 087). */
function ByLanguage({ data }: { data: PracticePsychometricsResponse }) {
  const { t } = useTranslation();
  const languageName = useLanguageName();
  if (data.languages.length < 2) return null;
  return (
    <section aria-labelledby="psychometrics-by-language">
      <h2 id="psychometrics-by-language">{t("practicePsychometrics.byLanguage.title")}</h2>
      <p>{t("practicePsychometrics.byLanguage.intro")}</p>
      {data.languages.map((language: LanguagePsychometrics) => (
        <section key={language.language} aria-label={languageName(language.language)}>
          <h3>{t("practicePsychometrics.byLanguage.heading", { language: languageName(language.language), count: language.respondents })}</h3>
          <p>{t(`practicePsychometrics.byLanguage.normSource.${language.normSource}`)}</p>
          {language.dimensions.some((dimension) => dimension.isShown) ? (
            <Areas
              dimensions={language.dimensions}
              caption={t("practicePsychometrics.byLanguage.caption", { language: languageName(language.language) })}
              statisticsMinimumN={data.statisticsMinimumN}
              language={languageName(language.language)}
            />
          ) : (
            <p>{t("practicePsychometrics.byLanguage.notEnough", { count: data.statisticsMinimumN })}</p>
          )}
        </section>
      ))}
    </section>
  );
}

/** Questions that read differently in one language once people are matched (decision 067), with what to do. */
function ItemsByLanguage({ data }: { data: PracticePsychometricsResponse }) {
  const { t } = useTranslation();
  const languageName = useLanguageName();
  const { languages, minimumPerGroup } = data.itemsByLanguage;
  if (languages.length < 2) return null;
  const screened = languages.filter((language) => language.screened);
  const flagged = screened.flatMap((language) => language.items.map((item) => ({ language, item })));
  return (
    <section aria-labelledby="psychometrics-items-by-language">
      <h2 id="psychometrics-items-by-language">{t("practicePsychometrics.dif.title")}</h2>
      <p>{t("practicePsychometrics.dif.intro")}</p>
      {flagged.length > 0 && (
        <ul>
          {flagged.map(({ language, item }) => (
            <li key={`${language.language}-${item.itemId}`}>
              <p>
                <strong>{questionText.get(item.itemId) ?? item.itemId}</strong>
              </p>
              <p>
                {t(`practicePsychometrics.dif.${item.direction}`, {
                  language: languageName(language.language),
                  area: t(`profile.changeKeys.${item.dimension}`),
                  size: item.effectSize.toFixed(2),
                })}
              </p>
              <p>
                {/* English is the source: a difference there points at the translations, not at an English version. */}
                {language.language === "en"
                  ? t("practicePsychometrics.dif.whatToDoSource")
                  : t("practicePsychometrics.dif.whatToDo", { language: languageName(language.language) })}
              </p>
            </li>
          ))}
        </ul>
      )}
      <ul>
        {languages.map((language: LanguageDif) => (
          <li key={language.language}>
            {!language.screened
              ? t("practicePsychometrics.dif.notEnough", { language: languageName(language.language), count: minimumPerGroup })
              : language.items.length === 0
                ? t("practicePsychometrics.dif.none", { language: languageName(language.language) })
                : t("practicePsychometrics.dif.found", { language: languageName(language.language), count: language.items.length })}
          </li>
        ))}
      </ul>
    </section>
  );
}
