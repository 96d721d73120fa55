import { useId, useState } from "react";
import { useTranslation } from "react-i18next";
import { CheckboxField } from "../../components/form-controls";
import { discreetName, setDiscreetMode } from "../../lib/discreet-mode";

/** The person's choice, on this device: a neutral name and icon for the installed app and every tab. */
export function DiscreetSetting() {
  const { t } = useTranslation();
  const id = useId();
  const [isOn, setIsOn] = useState(() => discreetName() !== null);
  const [hasChanged, setHasChanged] = useState(false);
  return (
    <section aria-labelledby={`${id}-title`} className="card">
      <h2 id={`${id}-title`}>{t("account.discreetTitle")}</h2>
      <p>{t("account.discreetBody")}</p>
      <CheckboxField
        label={t("account.discreetOn")}
        checked={isOn}
        onChange={(isNowOn) => {
          setDiscreetMode(isNowOn ? t("app.discreetName") : null);
          setIsOn(isNowOn);
          setHasChanged(true);
          if (!isNowOn) document.title = `${t("account.title")} · ${t("app.name")}`;
        }}
      />
      {hasChanged && <p role="status">{t(isOn ? "account.discreetSavedOn" : "account.discreetSavedOff")}</p>}
    </section>
  );
}
