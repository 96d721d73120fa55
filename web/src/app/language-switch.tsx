import { useState } from "react";
import { chooseLanguage, useLanguageOfPerson } from "../lib/language-choice";
import { languageNames, languages, useLanguage, type Language } from "../lib/language";
import { useShellText } from "../lib/shell-text";

// The language switch in the footer of every page (decision 074). Each language is named in itself
// and marked with its own `lang`, and so is the label ("Language" in all four), so someone who cannot
// read the page's present language still finds their own. translate="no": these words stay as they are.

const label: Array<[Language, string]> = [
  ["en", "Language"],
  ["zh-Hans", "语言"],
  ["ms", "Bahasa"],
  ["ta", "மொழி"],
];

/**
 * Marks the switch translate="no" as an attribute. Written as a JSX prop, Preact would set the DOM's
 * boolean `translate` property instead, and any string, "no" included, turns translation on.
 */
function keepFromTranslation(element: HTMLElement | null): void {
  element?.setAttribute("translate", "no");
}

export function LanguageSwitch({ signedIn }: { signedIn: boolean }) {
  const active = useLanguage();
  const t = useShellText();
  const [failed, setFailed] = useState(false);
  useLanguageOfPerson(signedIn);

  const choose = (language: Language) => {
    setFailed(false);
    chooseLanguage(language).catch(() => setFailed(true));
  };

  return (
    <div className="language-switch" role="group" aria-labelledby="language-switch-label" ref={keepFromTranslation}>
      <p id="language-switch-label" className="language-switch__label">
        {label.map(([code, word], index) => (
          <span key={code}>
            {index > 0 && " · "}
            <span lang={code}>{word}</span>
          </span>
        ))}
      </p>
      <ul className="language-switch__list">
        {languages.map((code) => (
          <li key={code}>
            <button type="button" className="button button--link" lang={code} aria-pressed={code === active} onClick={() => choose(code)}>
              {languageNames[code]}
            </button>
          </li>
        ))}
      </ul>
      {failed && (
        <p role="status" className="language-switch__error">
          {t("app.networkError")}
        </p>
      )}
    </div>
  );
}
