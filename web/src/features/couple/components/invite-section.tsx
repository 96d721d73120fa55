import { useState, type FormEvent } from "react";
import { useNavigate } from "react-router";
import { useTranslation } from "react-i18next";
import { formatInviteCode, normalizeInviteCode } from "@mutual/core";
import { Alert } from "../../../components/alert";
import { Button } from "../../../components/button";
import { TextField } from "../../../components/text-field";
import { useCancelInvite, useCreateInvite, type CoupleStateResponse, type CreateInviteResponse } from "../api/couple-api";
import { CopyButton } from "./copy-button";
import { errorCodeOf, formatDate } from "./format";

/** The code as people see it: two groups of five. */
function displayCode(code: string): string {
  return formatInviteCode(normalizeInviteCode(code) ?? code);
}

/** The link a partner opens; the code rides after "#", so it never reaches a server log. */
export function joinLinkFor(code: string): string {
  return `${window.location.origin}/partner/join#${displayCode(code)}`;
}

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
  const code = displayCode(invite.code);
  const link = joinLinkFor(invite.code);
  return (
    <div className="invite-code">
      <p className="invite-code__label" id="invite-code-label">
        {t("couple.invite.codeLabel")}
      </p>
      <p className="invite-code__code" aria-labelledby="invite-code-label">
        {code}
      </p>
      <CopyButton text={code} label={t("couple.invite.copyCode")} />
      <p className="invite-code__label" id="invite-link-label">
        {t("couple.invite.linkLabel")}
      </p>
      <p className="invite-code__link" aria-labelledby="invite-link-label">
        {link}
      </p>
      <CopyButton text={link} label={t("couple.invite.copyLink")} />
      <p>{t("couple.invite.expires", { date: formatDate(invite.expiresAt, i18n.language) })}</p>
      <Alert tone="info">{t("couple.invite.shownOnce")}</Alert>
    </div>
  );
}

/** "Have a code from your partner?": checks its shape, then opens the join page with it. */
export function HaveCodeForm() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [value, setValue] = useState("");
  const [error, setError] = useState<string | undefined>();
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const code = normalizeInviteCode(value);
    if (!code) {
      setError(t("couple.haveCode.invalid"));
      return;
    }
    void navigate(`/partner/join#${formatInviteCode(code)}`);
  };
  return (
    <section aria-labelledby="have-code-title" className="card">
      <h2 id="have-code-title">{t("couple.haveCode.title")}</h2>
      <form onSubmit={onSubmit} noValidate className="form">
        <TextField
          label={t("couple.haveCode.label")}
          hint={t("couple.haveCode.hint")}
          value={value}
          onChange={(event) => setValue(event.target.value)}
          error={error}
          autoComplete="off"
          autoCapitalize="characters"
          spellCheck={false}
          maxLength={40}
        />
        <Button type="submit">{t("couple.haveCode.submit")}</Button>
      </form>
    </section>
  );
}
