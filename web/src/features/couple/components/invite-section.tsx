import { useState } from "react";
import { useNavigate } from "react-router";
import { useTranslation } from "react-i18next";
import { Alert } from "../../../components/alert";
import { Button } from "../../../components/button";
import { CodeEntryForm } from "../../../components/invite-code/code-entry-form";
import { FreshInviteCode } from "../../../components/invite-code/fresh-invite-code";
import { useCancelInvite, useCreateInvite, type CoupleStateResponse, type CreateInviteResponse } from "../../../lib/api/couple-api";
import { errorCodeOf, formatDate } from "./format";

/** Invite a partner: make a code, see it once with its link, or manage the invite that is waiting. */
export function InviteSection({ pending }: { pending: CoupleStateResponse["invite"] }) {
  const { t, i18n } = useTranslation();
  const create = useCreateInvite();
  const cancel = useCancelInvite();
  const [fresh, setFresh] = useState<CreateInviteResponse["invite"] | null>(null);

  const onCreate = () => {
    cancel.reset();
    create.mutate(undefined, { onSuccess: (answer) => setFresh(answer.invite) });
  };
  const onCancel = () => {
    create.reset();
    cancel.mutate(undefined, { onSuccess: () => setFresh(null) });
  };

  return (
    <section aria-labelledby="invite-title" className="card">
      <h2 id="invite-title">{t("couple.invite.title")}</h2>
      <p>{t("couple.invite.intro")}</p>
      {create.isError && (
        <Alert tone="error">{errorCodeOf(create.error) === "ALREADY_LINKED" ? t("couple.invite.alreadyLinked") : t("couple.invite.createError")}</Alert>
      )}
      {cancel.isError && <Alert tone="error">{t("couple.invite.cancelError")}</Alert>}
      {cancel.isSuccess && <Alert tone="success">{t("couple.invite.cancelled")}</Alert>}
      {fresh ? (
        <FreshInvite invite={fresh} />
      ) : pending ? (
        <div className="invite-pending">
          <h3>{t("couple.invite.pendingTitle")}</h3>
          <p>{t("couple.invite.pending", { created: formatDate(pending.createdAt, i18n.language), expires: formatDate(pending.expiresAt, i18n.language) })}</p>
          <p className="muted">{t("couple.invite.pendingNoCode")}</p>
        </div>
      ) : null}
      <div className="actions">
        {fresh || pending ? (
          <>
            <Button variant="secondary" onClick={onCreate} busy={create.isPending}>
              {create.isPending ? t("couple.invite.creating") : t("couple.invite.renew")}
            </Button>
            <Button variant="secondary" onClick={onCancel} busy={cancel.isPending}>
              {cancel.isPending ? t("couple.invite.cancelling") : t("couple.invite.cancel")}
            </Button>
          </>
        ) : (
          <Button onClick={onCreate} busy={create.isPending}>
            {create.isPending ? t("couple.invite.creating") : t("couple.invite.create")}
          </Button>
        )}
      </div>
    </section>
  );
}

function FreshInvite({ invite }: { invite: CreateInviteResponse["invite"] }) {
  const { t, i18n } = useTranslation();
  return (
    <FreshInviteCode
      code={invite.code}
      joinPath="/partner/join"
      text={{
        codeLabel: t("couple.invite.codeLabel"),
        linkLabel: t("couple.invite.linkLabel"),
        copyCode: t("couple.invite.copyCode"),
        copyLink: t("couple.invite.copyLink"),
        expires: t("couple.invite.expires", { date: formatDate(invite.expiresAt, i18n.language) }),
        shownOnce: t("couple.invite.shownOnce"),
      }}
    />
  );
}

/** "Have a code from your partner?": checks its shape, then opens the join page with it. */
export function HaveCodeForm() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  return (
    <CodeEntryForm
      text={{
        title: t("couple.haveCode.title"),
        label: t("couple.haveCode.label"),
        hint: t("couple.haveCode.hint"),
        submit: t("couple.haveCode.submit"),
        invalid: t("couple.haveCode.invalid"),
      }}
      onCode={(code) => void navigate(`/partner/join#${code}`)}
    />
  );
}
