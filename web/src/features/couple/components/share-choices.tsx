import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { Alert } from "../../../components/alert";
import { Button } from "../../../components/button";
import { SCOPES, usePutShares, type ShareScope } from "../../../lib/api/couple-api";
import { errorCodeOf } from "./format";

/**
 * One checkbox per share scope, each with a line on what the partner will see. Safety-check
 * answers and notes have no scope, so they have no checkbox: a standing line says so instead.
 */
export function ShareChoices({ partnerName, myScopes }: { partnerName: string; myScopes: readonly ShareScope[] }) {
  const { t } = useTranslation();
  const save = usePutShares();
  const [chosen, setChosen] = useState<ReadonlySet<ShareScope>>(() => new Set(myScopes));

  const toggle = (scope: ShareScope) => {
    save.reset();
    setChosen((current) => {
      const next = new Set(current);
      if (next.has(scope)) next.delete(scope);
      else next.add(scope);
      return next;
    });
  };

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate(SCOPES.filter((scope) => chosen.has(scope)));
  };

  return (
    <section aria-labelledby="shares-title" className="card">
      <h2 id="shares-title">{t("couple.shares.title", { name: partnerName })}</h2>
      <p>{t("couple.shares.intro")}</p>
      <form onSubmit={onSubmit} className="form">
        <fieldset className="share-choices">
          <legend>{t("couple.shares.legend", { name: partnerName })}</legend>
          {SCOPES.map((scope) => (
            <div key={scope} className="checkbox checkbox--large share-choices__item">
              <input
                id={`share-${scope}`}
                type="checkbox"
                checked={chosen.has(scope)}
                onChange={() => toggle(scope)}
                aria-describedby={`share-${scope}-detail`}
              />
              <div>
                <label htmlFor={`share-${scope}`}>{t(`couple.shares.scope.${scope}.label`)}</label>
                <p id={`share-${scope}-detail`} className="share-choices__detail">
                  {t(`couple.shares.scope.${scope}.detail`)}
                </p>
              </div>
            </div>
          ))}
        </fieldset>
        <p className="share-choices__never">{t("couple.shares.never")}</p>
        {save.isSuccess && <Alert tone="success">{t("couple.shares.saved", { name: partnerName })}</Alert>}
        {save.isError && <Alert tone="error">{errorCodeOf(save.error) === "NOT_LINKED" ? t("couple.shares.notLinked") : t("couple.shares.saveError")}</Alert>}
        <div className="actions">
          <Button type="submit" busy={save.isPending}>
            {save.isPending ? t("couple.shares.saving") : t("couple.shares.save")}
          </Button>
        </div>
      </form>
    </section>
  );
}
