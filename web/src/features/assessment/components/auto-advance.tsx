import { useId, useState } from "react";
import { useTranslation } from "react-i18next";

const storageKey = "mutual.assessment.autoAdvance";

/**
 * Whether choosing an answer moves to the next statement, kept on this device (a way of using
 * the form, not anything about the person). Off unless chosen. It acts only on a choice made with
 * a mouse or a finger: arrow keys choose each answer as they pass it, and a screen reader's user
 * should not be moved on while still listening, so both keep the Next button. Back is always there.
 */
export function useAutoAdvance(): [boolean, (isOn: boolean) => void] {
  const [isOn, setIsOn] = useState(() => {
    try {
      return window.localStorage.getItem(storageKey) === "on";
    } catch {
      return false;
    }
  });
  const change = (next: boolean) => {
    setIsOn(next);
    try {
      if (next) window.localStorage.setItem(storageKey, "on");
      else window.localStorage.removeItem(storageKey);
    } catch {
      // Storage may be off (a private window): the choice lasts for this visit.
    }
  };
  return [isOn, change];
}

export function AutoAdvanceSetting({ isOn, onChange }: { isOn: boolean; onChange: (isOn: boolean) => void }) {
  const { t } = useTranslation();
  const id = useId();
  return (
    <div className="checkbox assessment__auto-advance">
      <input id={id} type="checkbox" checked={isOn} onChange={(event) => onChange(event.target.checked)} />
      <label htmlFor={id}>{t("assessment.autoAdvance")}</label>
    </div>
  );
}
