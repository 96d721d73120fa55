import { useId, useState } from "react";
import { useTranslation } from "react-i18next";
import { Alert } from "../../../components/alert";
import { Button } from "../../../components/button";
import { Loading } from "../../../components/loading";
import { DEFAULT_SCOPES, type CounsellingScope } from "../../../lib/api/counselling-api";
import {
  useConfirmCounsellingRequest,
  useMyCounsellingRequests,
  useWithdrawCounsellingRequest,
  type MyCounsellingRequest,
} from "../../../lib/api/directory-api";
import { orderedScopes, ScopeChoices, toggled } from "./scope-choices";
import { intlLocale } from "../../../lib/language";

const openStatuses = new Set(["awaiting-partner", "sent", "assigned"]);

/** My requests for counselling and where each stands; I can withdraw one, and confirm or decline one my partner made for us both. */
export function MyCounsellingRequests() {
  const { t } = useTranslation();
  const requests = useMyCounsellingRequests();
  if (requests.isPending) return <Loading />;
  if (requests.isError) return <Alert tone="error">{t("counselling.requests.loadError")}</Alert>;
  if (requests.data.requests.length === 0) return <p>{t("counselling.requests.none")}</p>;
  return (
    <ul className="plain-list">
      {requests.data.requests.map((request) => (
        <RequestCard key={request.id} request={request} />
      ))}
    </ul>
  );
}

function RequestCard({ request }: { request: MyCounsellingRequest }) {
  const { t, i18n } = useTranslation();
  const id = useId();
  const withdraw = useWithdrawCounsellingRequest();
  const confirm = useConfirmCounsellingRequest();
  const [scopes, setScopes] = useState<ReadonlySet<CounsellingScope>>(new Set(DEFAULT_SCOPES));
  const needsMyAnswer = request.myRole === "partner" && request.status === "awaiting-partner";
  const date = new Date(request.createdAt).toLocaleDateString(intlLocale(i18n.language), { dateStyle: "medium" });
  return (
    <li className="card" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>{request.practice.name}</h3>
      <p>
        {request.kind === "couple"
          ? t(request.myRole === "requester" ? "counselling.requests.coupleMine" : "counselling.requests.coupleTheirs", { name: request.otherName ?? "", date })
          : t("counselling.requests.individual", { date })}
      </p>
      <p>
        <strong>{t(`counselling.requests.status.${request.status}`)}</strong>
      </p>
      {request.status === "declined" && request.declineMessage && (
        <blockquote className="directory-quote">
          <p>{t("counselling.requests.theyWrote")}</p>
          <p>{request.declineMessage}</p>
        </blockquote>
      )}
      {request.message && (
        <details>
          <summary>{t("counselling.requests.message")}</summary>
          <p className="directory-description">{request.message}</p>
        </details>
      )}
      {needsMyAnswer ? (
        <form
          onSubmit={(event) => {
            event.preventDefault();
            confirm.mutate({ requestId: request.id, scopes: orderedScopes(scopes) });
          }}
        >
          <p>{t("counselling.requests.confirmIntro", { name: request.otherName ?? "" })}</p>
          <ScopeChoices
            idPrefix={`${id}-scope`}
            counsellor={t("counselling.ask.theirCounsellor")}
            chosen={scopes}
            onToggle={(scope) => setScopes((current) => toggled(current, scope))}
          />
          {(confirm.isError || withdraw.isError) && <Alert tone="error">{t("counselling.requests.actionError")}</Alert>}
          <div className="actions">
            <Button type="submit" busy={confirm.isPending}>
              {t("counselling.requests.confirm")}
            </Button>
            <Button type="button" variant="secondary" busy={withdraw.isPending} onClick={() => withdraw.mutate(request.id)}>
              {t("counselling.requests.decline")}
            </Button>
          </div>
        </form>
      ) : (
        <>
          {request.myScopes !== null && request.status !== "withdrawn" && request.status !== "declined" && (
            <p>
              {request.myScopes.length === 0
                ? t("counselling.requests.sharesNothing")
                : t("counselling.requests.shares", { scopes: request.myScopes.map((scope) => t(`counselling.scopes.${scope}.label`)).join(", ") })}
            </p>
          )}
          {openStatuses.has(request.status) && (
            <>
              {withdraw.isError && <Alert tone="error">{t("counselling.requests.actionError")}</Alert>}
              <Button type="button" variant="secondary" busy={withdraw.isPending} onClick={() => withdraw.mutate(request.id)}>
                {t("counselling.requests.withdraw")}
              </Button>
            </>
          )}
        </>
      )}
    </li>
  );
}
