import { useId, useState, type FormEvent } from "react";
import { Link } from "react-router";
import { useTranslation } from "react-i18next";
import type { ClientKind } from "@mutual/core";
import { Alert } from "../../../components/alert";
import { Button } from "../../../components/button";
import { Loading } from "../../../components/loading";
import { ApiRequestError } from "../../../lib/api-client";
import { DEFAULT_SCOPES, type CounsellingScope } from "../../../lib/api/counselling-api";
import { useCreateCounsellingRequest, useDirectory } from "../../../lib/api/directory-api";
import { orderedScopes, ScopeChoices, toggled } from "./scope-choices";

const MESSAGE_MAX = 1000;

/** Refusals the person can act on, in their words; anything else is a general error. */
const knownCodes = [
  "NOT_LINKED",
  "ALREADY_CLIENT",
  "ALREADY_REQUESTED",
  "TOO_MANY_OPEN_REQUESTS",
  "TOO_MANY_REQUESTS_TODAY",
  "KIND_NOT_OFFERED",
  "OWN_PRACTICE",
] as const;

/**
 * Ask one listed practice for counselling: for myself or with my partner (who confirms for
 * themselves), an optional message, and what I will share once a counsellor accepts, chosen
 * with the same scopes as a counsellor's invitation (profile and check-ins ticked to start).
 */
export function AskForCounselling({ practiceId, onlyIndividual, onSent }: { practiceId: string; onlyIndividual: boolean; onSent: () => void }) {
  const { t } = useTranslation();
  const id = useId();
  const directory = useDirectory({});
  const create = useCreateCounsellingRequest();
  const [kind, setKind] = useState<ClientKind>("individual");
  const [message, setMessage] = useState("");
  const [scopes, setScopes] = useState<ReadonlySet<CounsellingScope>>(new Set(DEFAULT_SCOPES));
  if (directory.isPending) return <Loading />;
  const entry = directory.data?.practices.find((practice) => practice.practiceId === practiceId);
  if (!entry) return <Alert tone="error">{t("counselling.ask.notListed")}</Alert>;
  const kinds: ClientKind[] = (["individual", "couple"] as const).filter((value) =>
    value === "individual" ? entry.individual : entry.couple && !onlyIndividual,
  );
  const chosenKind = kinds.includes(kind) ? kind : (kinds[0] ?? "individual");
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const text = message.trim();
    create.mutate({ practiceId, kind: chosenKind, scopes: orderedScopes(scopes), ...(text === "" ? {} : { message: text }) }, { onSuccess: onSent });
  };
  const code = create.error instanceof ApiRequestError ? create.error.code : undefined;
  const known = knownCodes.find((value) => value === code);
  return (
    <form onSubmit={submit} aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t("counselling.ask.to", { name: entry.name })}</h2>
      {kinds.length > 1 ? (
        <fieldset className="field">
          <legend className="field__label">{t("counselling.ask.kind")}</legend>
          {kinds.map((value) => (
            <div className="checkbox" key={value}>
              <input type="radio" id={`${id}-${value}`} name={`${id}-kind`} checked={chosenKind === value} onChange={() => (setKind(value), create.reset())} />
              <label htmlFor={`${id}-${value}`}>{t(`counselling.ask.kinds.${value}`)}</label>
            </div>
          ))}
        </fieldset>
      ) : (
        <p>{t(`counselling.ask.only.${chosenKind}`)}</p>
      )}
      {chosenKind === "couple" && <p className="muted">{t("counselling.ask.partnerConfirms")}</p>}
      <div className="field">
        <label className="field__label" htmlFor={`${id}-message`}>
          {t("counselling.ask.message")}
        </label>
        <p className="field__hint" id={`${id}-message-hint`}>
          {t("counselling.ask.messageHint")}
        </p>
        <textarea
          id={`${id}-message`}
          className="field__input field__textarea"
          rows={4}
          maxLength={MESSAGE_MAX}
          value={message}
          aria-describedby={`${id}-message-hint`}
          onChange={(event) => setMessage(event.target.value)}
        />
      </div>
      <p>{t("counselling.ask.scopesIntro")}</p>
      <ScopeChoices
        idPrefix={`${id}-scope`}
        counsellor={t("counselling.ask.theirCounsellor")}
        chosen={scopes}
        onToggle={(scope) => setScopes((current) => toggled(current, scope))}
      />
      <p className="muted">{t("counselling.ask.beforeAccept")}</p>
      {create.isError && <Alert tone="error">{known ? t(`counselling.ask.errors.${known}`) : t("counselling.ask.errors.other")}</Alert>}
      <div className="actions">
        <Button type="submit" busy={create.isPending}>
          {create.isPending ? t("counselling.ask.sending") : t("counselling.ask.send")}
        </Button>
        <Link to="/directory">{t("counselling.ask.back")}</Link>
      </div>
    </form>
  );
}
