import { useTranslation } from "react-i18next";
import { Page } from "../../components/page";
import { CheckInPanel } from "../../features/check-in/components/check-in-panel";
import { CheckInComplete } from "../../features/progress/components/check-in-complete";
import { ReminderPrompt } from "../../features/reminders/components/reminder-prompt";

export function CheckInRoute() {
  const { t } = useTranslation();
  return (
    <Page title={t("checkIn.title")}>
      <CheckInPanel
        afterSave={(saved) => (
          <>
            <CheckInComplete saved={saved} />
            <ReminderPrompt />
          </>
        )}
      />
    </Page>
  );
}
