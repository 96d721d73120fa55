import { useId, useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { Alert } from "../../../components/alert";
import { Button } from "../../../components/button";
import { useGiveConsent } from "../../../lib/api/consent-api";
import { SharingSummary } from "../../../components/sharing/sharing-summary";

/** The notice in plain words, then an explicit agreement: nothing is stored before it. */
export function ConsentForm({ noticeVersion, onAgreed }: { noticeVersion: string; onAgreed: () => void }) {
  const { t } = useTranslation();
  const give = useGiveConsent();
  const [agreed, setAgreed] = useState(false);
  const [showRequired, setShowRequired] = useState(false);
  const checkboxId = useId();
  const errorId = `${checkboxId}-error`;

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (!agreed) {
      setShowRequired(true);
      return;
    }
    give.mutate(noticeVersion, { onSuccess: onAgreed });
  };

  return (
    <>
      <ConsentNotice />
      <form onSubmit={onSubmit} noValidate className="form consent__form">
        {give.isError && <Alert tone="error">{t("consent.error")}</Alert>}
        <div className={showRequired && !agreed ? "checkbox checkbox--large field--invalid" : "checkbox checkbox--large"}>
          <input
            id={checkboxId}
            type="checkbox"
            checked={agreed}
            aria-invalid={showRequired && !agreed ? true : undefined}
            aria-describedby={showRequired && !agreed ? errorId : undefined}
            onChange={(event) => setAgreed(event.target.checked)}
          />
          <label htmlFor={checkboxId}>{t("consent.agreeLabel")}</label>
        </div>
        {showRequired && !agreed && (
          <p id={errorId} className="field__error">
            {t("consent.agreeRequired")}
          </p>
        )}
        <div>
          <Button type="submit" busy={give.isPending}>
            {give.isPending ? t("consent.saving") : t("consent.agreeButton")}
          </Button>
        </div>
      </form>
    </>
  );
}

/** The notice itself: what is kept, who sees it, how to take it back, what Mutual is not. */
export function ConsentNotice() {
  const { t } = useTranslation();
  const sections = [
    ["collectTitle", "collect"],
    ["privateTitle", "private"],
    ["controlTitle", "control"],
    ["natureTitle", "nature"],
  ] as const;
  return (
    <div className="consent__notice">
      <p className="lead">{t("consent.intro")}</p>
      {sections.map(([title, body]) => (
        <section key={title} className="consent__section">
          <h2>{t(`consent.${title}`)}</h2>
          <p>{t(`consent.${body}`)}</p>
          {/* The general rule, then what is true for this person today. */}
          {body === "private" && <SharingSummary />}
        </section>
      ))}
    </div>
  );
}
