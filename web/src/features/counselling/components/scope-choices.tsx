import { useTranslation } from "react-i18next";
import { COUNSELLING_SCOPE_LIST, type CounsellingScope } from "../../../lib/api/counselling-api";

/**
 * One checkbox per counselling scope, each with a line on what the counsellor will see. The
 * safety check carries a plain explanation of why sharing it with a counsellor can help.
 */
export function ScopeChoices({
  idPrefix,
  counsellor,
  chosen,
  onToggle,
}: {
  idPrefix: string;
  counsellor: string;
  chosen: ReadonlySet<CounsellingScope>;
  onToggle: (scope: CounsellingScope) => void;
}) {
  const { t } = useTranslation();
  return (
    <fieldset className="share-choices">
      <legend>{t("counselling.scopes.legend", { counsellor })}</legend>
      {COUNSELLING_SCOPE_LIST.map((scope) => {
        const id = `${idPrefix}-${scope}`;
        const describedBy = scope === "safety" ? `${id}-detail ${id}-why` : `${id}-detail`;
        return (
          <div key={scope} className="checkbox checkbox--large share-choices__item">
            <input id={id} type="checkbox" checked={chosen.has(scope)} onChange={() => onToggle(scope)} aria-describedby={describedBy} />
            <div>
              <label htmlFor={id}>{t(`counselling.scopes.${scope}.label`)}</label>
              <p id={`${id}-detail`} className="share-choices__detail">
                {t(`counselling.scopes.${scope}.detail`)}
              </p>
              {scope === "safety" && (
                <p id={`${id}-why`} className="share-choices__detail">
                  {t("counselling.scopes.safety.why")}
                </p>
              )}
            </div>
          </div>
        );
      })}
    </fieldset>
  );
}

/** A set of scopes as the API wants it: the canonical order, each once. */
export function orderedScopes(chosen: ReadonlySet<CounsellingScope>): CounsellingScope[] {
  return COUNSELLING_SCOPE_LIST.filter((scope) => chosen.has(scope));
}

/** Toggles one scope in a set, returning a new set. */
export function toggled(current: ReadonlySet<CounsellingScope>, scope: CounsellingScope): Set<CounsellingScope> {
  const next = new Set(current);
  if (next.has(scope)) next.delete(scope);
  else next.add(scope);
  return next;
}
