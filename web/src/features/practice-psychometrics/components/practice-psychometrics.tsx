import { useTranslation } from "react-i18next";
import { INTERDEPENDENCE_PROFILE_V1, PRACTICE_PUBLISH_STEP_N, type PracticeDimensionPsychometrics, type PracticePsychometricsResponse } from "@mutual/core";
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
      <DataTable caption={t("practicePsychometrics.areasCaption")}>
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
          {data.dimensions.map((dimension) => (
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
                <td colSpan={4}>{t("practicePsychometrics.hidden", { count: data.statisticsMinimumN })}</td>
              )}
              <td>{dimension.isUsedForChange ? t("practicePsychometrics.yes") : t("practicePsychometrics.no")}</td>
            </tr>
          ))}
        </tbody>
      </DataTable>
      {data.dimensions
        .filter((dimension) => dimension.isShown && dimension.items.length > 0)
        .map((dimension) => (
          <Items key={dimension.dimension} dimension={dimension} />
        ))}
    </>
  );
}

function Items({ dimension }: { dimension: PracticeDimensionPsychometrics }) {
  const { t } = useTranslation();
  const caption = t("practicePsychometrics.itemsCaption", { area: t(`profile.changeKeys.${dimension.dimension}`) });
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
