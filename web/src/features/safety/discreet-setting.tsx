import { useId, useState } from "react";
import { useTranslation } from "react-i18next";
import { isDiscreetMode, setDiscreetMode } from "../../lib/discreet-mode";

/** The person's choice, on this device: a neutral name and icon for the installed app and every tab. */
export function DiscreetSetting() {
  const { t } = useTranslation();
  const id = useId();
  const [isOn, setIsOn] = useState(isDiscreetMode);
  const [hasChanged, setHasChanged] = useState(false);
  return (
    <section aria-labelledby={`${id}-title`} className="card">
      <h2 id={`${id}-title`}>{t("account.discreetTitle")}</h2>
      <p>{t("account.discreetBody")}</p>
      <div className="checkbox">
        <input
          id={id}
          type="checkbox"
          checked={isOn}
          onChange={(event) => {
            setDiscreetMode(event.target.checked);
            setIsOn(event.target.checked);
            setHasChanged(true);
            document.title = event.target.checked ? t("app.discreetName") : `${t("account.title")} · ${t("app.name")}`;
          }}
        />
        <label htmlFor={id}>{t("account.discreetOn")}</label>
      </div>
      {hasChanged && <p role="status">{t(isOn ? "account.discreetSavedOn" : "account.discreetSavedOff")}</p>}
    </section>
  );
}
