import { useId, useState } from "react";
import { useTranslation } from "react-i18next";
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
      <div className="checkbox">
        <input
          id={id}
          type="checkbox"
          checked={isOn}
          onChange={(event) => {
            const isNowOn = event.target.checked;
            setDiscreetMode(isNowOn ? t("app.discreetName") : null);
            setIsOn(isNowOn);
            setHasChanged(true);
            if (!isNowOn) document.title = `${t("account.title")} · ${t("app.name")}`;
          }}
        />
        <label htmlFor={id}>{t("account.discreetOn")}</label>
      </div>
      {hasChanged && <p role="status">{t(isOn ? "account.discreetSavedOn" : "account.discreetSavedOff")}</p>}
    </section>
  );
}
