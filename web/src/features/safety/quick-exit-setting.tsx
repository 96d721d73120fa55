import { useId } from "react";
import { useTranslation } from "react-i18next";
import { Alert } from "../../components/alert";
import { CheckboxField } from "../../components/form-controls";
import { usePreferences } from "./api/preferences-api";
import { usePutPreferences } from "./api/save-preferences";

/** The person's choice: does Quick exit also sign this device out? Saved as soon as it changes. */
export function QuickExitSetting() {
  const { t } = useTranslation();
  const id = useId();
  const preferences = usePreferences(true);
  const save = usePutPreferences();
  const checked = save.isPending && save.variables ? save.variables.quickExitEndsSession : (preferences.data?.quickExitEndsSession ?? true);
  return (
    <section aria-labelledby={`${id}-title`} className="card">
      <h2 id={`${id}-title`}>{t("account.quickExitTitle")}</h2>
      <p>{t("account.quickExitBody")}</p>
      <CheckboxField
        label={t("account.quickExitEndsSession")}
        checked={checked}
        disabled={preferences.isPending || save.isPending}
        onChange={(isChecked) => save.mutate({ quickExitEndsSession: isChecked })}
      />
      {preferences.isError && <Alert tone="error">{t("account.quickExitLoadError")}</Alert>}
      {save.isError && <Alert tone="error">{t("account.quickExitSaveError")}</Alert>}
      {save.isSuccess && <p role="status">{t(save.data.quickExitEndsSession ? "account.quickExitSavedOn" : "account.quickExitSavedOff")}</p>}
    </section>
  );
}
