import { useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { Alert } from "../../../components/alert";
import { Button } from "../../../components/button";
import { useUnlink } from "../../../lib/api/couple-api";

/** Unlink, after a confirmation that says what happens to both partners. */
export function UnlinkSection({ partnerName }: { partnerName: string }) {
  const { t } = useTranslation();
  const unlink = useUnlink();
  const [isConfirming, setIsConfirming] = useState(false);
  const heading = useRef<HTMLHeadingElement>(null);
  const opener = useRef<HTMLButtonElement>(null);
  const wasConfirming = useRef(false);
  useEffect(() => {
    if (isConfirming) heading.current?.focus();
    else if (wasConfirming.current) opener.current?.focus();
    wasConfirming.current = isConfirming;
  }, [isConfirming]);

  return (
    <section aria-labelledby="unlink-title" className="card card--danger">
      <h2 id="unlink-title">{t("couple.unlink.title")}</h2>
      {!isConfirming ? (
        <button ref={opener} type="button" className="button button--danger" onClick={() => setIsConfirming(true)}>
          {t("couple.unlink.button")}
        </button>
      ) : (
        <div role="alertdialog" aria-modal="false" aria-labelledby="unlink-confirm-title" aria-describedby="unlink-confirm-body" className="confirm">
          <h3 id="unlink-confirm-title" ref={heading} tabIndex={-1}>
            {t("couple.unlink.confirmTitle", { name: partnerName })}
          </h3>
          <p id="unlink-confirm-body">{t("couple.unlink.confirmBody", { name: partnerName })}</p>
          {unlink.isError && <Alert tone="error">{t("couple.unlink.error")}</Alert>}
          <div className="actions">
            <Button variant="danger" busy={unlink.isPending} onClick={() => unlink.mutate()}>
              {unlink.isPending ? t("couple.unlink.working") : t("couple.unlink.confirm")}
            </Button>
            <Button variant="secondary" onClick={() => setIsConfirming(false)}>
              {t("couple.unlink.keep")}
            </Button>
          </div>
        </div>
      )}
    </section>
  );
}
