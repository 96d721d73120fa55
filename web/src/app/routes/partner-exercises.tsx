import { useTranslation } from "react-i18next";
import { Page } from "../../components/page";
import { PartnerExercises } from "../../features/couple/components/partner-views";

export function PartnerExercisesRoute() {
  const { t } = useTranslation();
  return (
    <Page title={t("couple.partnerExercises.title")}>
      <PartnerExercises />
    </Page>
  );
}
