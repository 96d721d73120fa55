import { useId, useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import type { ClientRequestKind } from "@mutual/core";
import { Alert } from "../../../components/alert";
import { Button } from "../../../components/button";
import { ApiRequestError } from "../../../lib/api-client";
import { useClientRequests, useCreateClientRequest } from "../api/client-requests-api";

const expiryChoices = [1, 2, 4, 7, 14, 30] as const;

/** On a client's page: ask them for a check-in or a new profile, and see what was asked before. */
export function ClientRequestsSection({ practiceId, clientId }: { practiceId: string; clientId: string }) {
  const { t } = useTranslation();
  const id = useId();
  const [kind, setKind] = useState<ClientRequestKind>("check-in");
  const [expiry, setExpiry] = useState("4");
  const requests = useClientRequests(practiceId, clientId);
  const create = useCreateClientRequest(practiceId, clientId);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const expiresInDays = expiry === "never" ? null : Number(expiry);
    create.mutate({ kind, expiresInDays, ...(expiresInDays !== null && expiresInDays <= 2 ? { remindAfterDays: null } : {}) });
  };
  const isNotShared = create.error instanceof ApiRequestError && create.error.status === 409;
  return (
    <section aria-labelledby={`${id}-title`} className="card">
      <h2 id={`${id}-title`}>{t("clientRequests.title")}</h2>
      <p>{t("clientRequests.intro")}</p>
      <form onSubmit={submit}>
        <fieldset className="field">
          <legend className="field__label">{t("clientRequests.kind")}</legend>
          {(["check-in", "profile"] as const).map((value) => (
            <div className="checkbox" key={value}>
              <input type="radio" id={`${id}-${value}`} name={`${id}-kind`} checked={kind === value} onChange={() => (setKind(value), create.reset())} />
              <label htmlFor={`${id}-${value}`}>{t(value === "check-in" ? "clientRequests.kindCheckIn" : "clientRequests.kindProfile")}</label>
            </div>
          ))}
        </fieldset>
        <div className="field">
          <label className="field__label" htmlFor={`${id}-expiry`}>
            {t("clientRequests.expiry")}
          </label>
          <select id={`${id}-expiry`} className="field__input" value={expiry} onChange={(event) => (setExpiry(event.target.value), create.reset())}>
            {expiryChoices.map((days) => (
              <option key={days} value={String(days)}>
                {days === 1 ? t("clientRequests.day") : t("clientRequests.days", { count: days })}
              </option>
            ))}
            <option value="never">{t("clientRequests.never")}</option>
          </select>
        </div>
        {create.isError && <Alert tone="error">{isNotShared ? t("clientRequests.notShared") : t("clientRequests.error")}</Alert>}
        {create.isSuccess && <Alert tone="success">{t("clientRequests.sent")}</Alert>}
        <div className="actions">
          <Button type="submit" busy={create.isPending}>
            {create.isPending ? t("clientRequests.sending") : t("clientRequests.send")}
          </Button>
        </div>
      </form>
      <h3>{t("clientRequests.listTitle")}</h3>
      {requests.isError && <Alert tone="error">{t("clientRequests.loadError")}</Alert>}
      {requests.data && requests.data.requests.length === 0 && <p>{t("clientRequests.none")}</p>}
      {requests.data && requests.data.requests.length > 0 && (
        <ul>
          {requests.data.requests.map((request) => (
            <li key={request.id}>
              {t("clientRequests.row", {
                what: t(request.kind === "check-in" ? "clientRequests.kindCheckIn" : "clientRequests.kindProfile"),
                name: request.memberName,
                status: t(`clientRequests.status.${request.status}`),
              })}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
