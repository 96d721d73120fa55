import { Link, useNavigate } from "react-router";
import { useTranslation } from "react-i18next";
import { Alert } from "../../../components/alert";
import { Button } from "../../../components/button";
import { Loading } from "../../../components/loading";
import { ApiRequestError } from "../../../lib/api-client";
import { useAcceptInvitation, useDeclineInvitation, useInvitation } from "../../../lib/api/practice-api";
import { describePracticeError } from "./practice-error";
import { intlLocale } from "../../../lib/language";

/** The page an emailed invitation links to: which practice, which role; accept or decline. */
export function JoinPractice({ invitationId }: { invitationId: string }) {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const invitation = useInvitation(invitationId);
  const accept = useAcceptInvitation();
  const decline = useDeclineInvitation();
  if (invitation.isPending) return <Loading />;
  if (invitation.isError) {
    const status = invitation.error instanceof ApiRequestError ? invitation.error.status : 0;
    // Better Auth answers 400 or 403 for an invitation to another address or one that is gone.
    const message = status >= 400 && status < 500 ? t("counsellingPractice.join.unavailable") : describePracticeError(invitation.error, t);
    return (
      <>
        <Alert tone="error">{message}</Alert>
        <p>
          <Link to="/practice">{t("counsellingPractice.join.toPractices")}</Link>
        </p>
      </>
    );
  }
  if (decline.isSuccess) return <Alert tone="success">{t("counsellingPractice.join.declined")}</Alert>;
  const data = invitation.data;
  const date = new Intl.DateTimeFormat(intlLocale(i18n.language), { dateStyle: "medium" }).format(new Date(data.expiresAt));
  const failed = accept.error ?? decline.error;
  return (
    <section className="card">
      <p>
        {t("counsellingPractice.join.invited", {
          practice: data.organizationName,
          role: t(`counsellingPractice.roles.${data.role}`, { defaultValue: data.role }),
        })}
      </p>
      <p className="muted">{t("counsellingPractice.join.expires", { date })}</p>
      {failed && <Alert tone="error">{describePracticeError(failed, t)}</Alert>}
      <p className="actions">
        <Button
          busy={accept.isPending}
          onClick={() => accept.mutate(invitationId, { onSuccess: () => void navigate(`/practice/${encodeURIComponent(data.organizationId)}`) })}
        >
          {t("counsellingPractice.join.accept")}
        </Button>{" "}
        <Button variant="secondary" busy={decline.isPending} onClick={() => decline.mutate(invitationId)}>
          {t("counsellingPractice.join.decline")}
        </Button>
      </p>
    </section>
  );
}
