import { useId, useState } from "react";
import { Link } from "react-router";
import { useTranslation } from "react-i18next";
import { INVITABLE_PRACTICE_ROLES, type InvitablePracticeRole, type PracticeDetailResponse } from "@mutual/core";
import { Alert } from "../../../components/alert";
import { Button } from "../../../components/button";
import { Loading } from "../../../components/loading";
import { DataTable } from "../../../components/data-table";
import { ApiRequestError } from "../../../lib/api-client";
import { ClientInvites } from "./client-invites";
import { IntakeList } from "./intake-list";
import { PracticeListing } from "./practice-listing";
import { PracticeClients } from "./practice-clients";
import { DashboardLink } from "../../../components/client/dashboard-link";
import { useCancelInvitation, useChangeRole, usePractice, useRemoveMember } from "../../../lib/api/practice-api";
import { InviteColleagueForm } from "./invite-colleague-form";
import { describePracticeError } from "./practice-error";
import { TwoFactorPrompt } from "./two-factor-prompt";
import { intlLocale } from "../../../lib/language";

type Member = PracticeDetailResponse["members"][number];

/** One practice: who is in it and in which role; owners and admins manage members here. */
export function PracticeDetail({ practiceId }: { practiceId: string }) {
  const { t } = useTranslation();
  const practice = usePractice(practiceId);
  if (practice.isPending) return <Loading />;
  if (practice.isError) {
    const gone = practice.error instanceof ApiRequestError && practice.error.status === 404;
    return <Alert tone="error">{gone ? t("counsellingPractice.errors.notFound") : describePracticeError(practice.error, t)}</Alert>;
  }
  const data = practice.data;
  const manager = data.myRole === "owner" || data.myRole === "admin";
  return (
    <>
      <p>{t("counsellingPractice.detail.yourRole", { role: t(`counsellingPractice.roles.${data.myRole}`) })}</p>
      {!data.twoFactorEnabled && <TwoFactorPrompt />}
      <PracticeClients practiceId={practiceId} twoFactorEnabled={data.twoFactorEnabled} />
      {data.twoFactorEnabled && <DashboardLink practiceId={practiceId} />}
      {data.twoFactorEnabled && (
        <p>
          <a href={`/api/practices/${encodeURIComponent(practiceId)}/export.csv`}>{t("counsellingPractice.detail.scoresCsv")}</a>
        </p>
      )}
      {manager && (
        <p>
          <Link to={`/practice/${encodeURIComponent(practiceId)}/psychometrics`}>{t("counsellingPractice.detail.psychometricsLink")}</Link>
        </p>
      )}
      <IntakeList practiceId={practiceId} practice={data} />
      <ClientInvites practiceId={practiceId} />
      <Members data={data} practiceId={practiceId} manager={manager} />
      {manager && data.invitations && <Invitations invitations={data.invitations} />}
      <PracticeListing practiceId={practiceId} isOwner={data.myRole === "owner"} />
      {manager && (
        <section className="card">
          <InviteColleagueForm practiceId={practiceId} />
        </section>
      )}
    </>
  );
}

function Members({ data, practiceId, manager }: { data: PracticeDetailResponse; practiceId: string; manager: boolean }) {
  const { t } = useTranslation();
  const titleId = useId();
  return (
    <section aria-labelledby={titleId} className="card">
      <h2 id={titleId}>{t("counsellingPractice.detail.membersTitle", { count: data.members.length })}</h2>
      <DataTable caption={t("counsellingPractice.detail.membersTitle", { count: data.members.length })} className="practice-members" captionHidden>
        <thead>
          <tr>
            <th scope="col">{t("counsellingPractice.detail.name")}</th>
            {manager && <th scope="col">{t("counsellingPractice.detail.email")}</th>}
            <th scope="col">{t("counsellingPractice.detail.role")}</th>
            {manager && <th scope="col">{t("counsellingPractice.detail.actions")}</th>}
          </tr>
        </thead>
        <tbody>
          {data.members.map((member) => (
            <tr key={member.memberId}>
              <th scope="row">
                {member.name}
                {member.isMe && ` ${t("counsellingPractice.detail.you")}`}
              </th>
              {manager && <td>{member.email}</td>}
              <td>{t(`counsellingPractice.roles.${member.role}`)}</td>
              {manager && <td>{member.role !== "owner" && !member.isMe ? <MemberActions member={member} practiceId={practiceId} /> : null}</td>}
            </tr>
          ))}
        </tbody>
      </DataTable>
    </section>
  );
}

function MemberActions({ member, practiceId }: { member: Member; practiceId: string }) {
  const { t } = useTranslation();
  const change = useChangeRole(practiceId);
  const remove = useRemoveMember(practiceId);
  const [confirming, setConfirming] = useState(false);
  const failed = change.error ?? remove.error;
  return (
    <div className="member-actions">
      {/* Styled as the design system's select (decision 059); the row names the member, so the label is spoken only. */}
      <span className="select-field select-field--inline">
        <select
          aria-label={t("counsellingPractice.detail.roleOf", { name: member.name })}
          value={member.role}
          disabled={change.isPending}
          onChange={(event) => change.mutate({ memberId: member.memberId, role: event.target.value as InvitablePracticeRole })}
        >
          {INVITABLE_PRACTICE_ROLES.map((role) => (
            <option key={role} value={role}>
              {t(`counsellingPractice.roles.${role}`)}
            </option>
          ))}
        </select>
      </span>{" "}
      {confirming ? (
        <>
          <Button variant="danger" busy={remove.isPending} onClick={() => remove.mutate(member.memberId)}>
            {t("counsellingPractice.detail.confirmRemove", { name: member.name })}
          </Button>{" "}
          <Button variant="link" onClick={() => setConfirming(false)}>
            {t("counsellingPractice.detail.keep")}
          </Button>
        </>
      ) : (
        <Button variant="secondary" onClick={() => setConfirming(true)}>
          {t("counsellingPractice.detail.remove", { name: member.name })}
        </Button>
      )}
      {failed && <Alert tone="error">{describePracticeError(failed, t)}</Alert>}
    </div>
  );
}

function Invitations({ invitations }: { invitations: NonNullable<PracticeDetailResponse["invitations"]> }) {
  const { t, i18n } = useTranslation();
  const cancel = useCancelInvitation();
  const date = new Intl.DateTimeFormat(intlLocale(i18n.language), { dateStyle: "medium" });
  return (
    <section aria-labelledby="invitations-title" className="card">
      <h2 id="invitations-title">{t("counsellingPractice.detail.invitationsTitle")}</h2>
      {cancel.isError && <Alert tone="error">{describePracticeError(cancel.error, t)}</Alert>}
      {invitations.length === 0 ? (
        <p>{t("counsellingPractice.detail.noInvitations")}</p>
      ) : (
        <ul className="invitation-list">
          {invitations.map((invitation) => (
            <li key={invitation.id}>
              {t("counsellingPractice.detail.invitation", {
                email: invitation.email,
                role: t(`counsellingPractice.roles.${invitation.role}`),
                date: date.format(new Date(invitation.expiresAt)),
              })}{" "}
              <Button variant="link" busy={cancel.isPending && cancel.variables === invitation.id} onClick={() => cancel.mutate(invitation.id)}>
                {t("counsellingPractice.detail.cancelInvitation", { email: invitation.email })}
              </Button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
