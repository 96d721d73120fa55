import { useTranslation } from "react-i18next";
import { Page } from "../../components/page";
import { ReminderSettingsPanel } from "../../features/reminders/components/reminder-settings";

export function RemindersRoute() {
  const { t } = useTranslation();
  return (
    <Page title={t("reminders.pageTitle")} narrow>
      <p className="lead">{t("reminders.intro")}</p>
      <p>{t("reminders.neutral")}</p>
      <ReminderSettingsPanel />
    </Page>
  );
}
