import { useId, useState } from "react";
import { useTranslation } from "react-i18next";
import type { PracticeDetailResponse } from "@mutual/core";
import { Alert } from "../../../components/alert";
import { Button } from "../../../components/button";
import { Loading } from "../../../components/loading";
import { useIntake, useIntakeAction, type IntakeRequest } from "../../../lib/api/directory-api";
import { intlLocale } from "../../../lib/language";

/**
 * Requests for counselling sent to this practice (decision 055): owners and admins see them all and
 * give each to a counsellor; that counsellor accepts or declines with a kind message. Before
 * acceptance the practice sees only the people's chosen names and the message.
 */
export function IntakeList({ practiceId, practice }: { practiceId: string; practice: PracticeDetailResponse }) {
  const { t } = useTranslation();
  const id = useId();
  const intake = useIntake(practiceId, practice.twoFactorEnabled);
  const manager = practice.myRole === "owner" || practice.myRole === "admin";
  return (
    <section aria-labelledby={`${id}-title`} className="card">
      <h2 id={`${id}-title`}>{t("counsellingPractice.intake.title")}</h2>
      <p>{manager ? t("counsellingPractice.intake.introManager") : t("counsellingPractice.intake.introCounsellor")}</p>
      {!practice.twoFactorEnabled ? (
        <p>{t("counsellingPractice.intake.twoFactor")}</p>
      ) : intake.isPending ? (
        <Loading />
      ) : intake.isError ? (
        <Alert tone="error">{t("counsellingPractice.intake.loadError")}</Alert>
      ) : intake.data.requests.length === 0 ? (
        <p>{t("counsellingPractice.intake.none")}</p>
      ) : (
        <ul className="plain-list">
          {intake.data.requests.map((request) => (
            <IntakeItem key={request.id} practiceId={practiceId} request={request} manager={manager} members={practice.members} />
          ))}
        </ul>
      )}
    </section>
  );
}

function IntakeItem({
  practiceId,
  request,
  manager,
  members,
}: {
  practiceId: string;
  request: IntakeRequest;
  manager: boolean;
  members: PracticeDetailResponse["members"];
}) {
  const { t, i18n } = useTranslation();
  const id = useId();
  const act = useIntakeAction(practiceId);
  const [memberId, setMemberId] = useState(request.counsellor?.memberId ?? members.find((member) => member.role === "counsellor")?.memberId ?? "");
  const [declining, setDeclining] = useState(false);
  const [message, setMessage] = useState(t("counsellingPractice.intake.declineDefault"));
  const names = request.names.join(t("counsellingPractice.intake.and"));
  return (
    <li className="card" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>{names}</h3>
      <p>
        {t(request.kind === "couple" ? "counsellingPractice.intake.couple" : "counsellingPractice.intake.individual", {
          date: new Date(request.createdAt).toLocaleDateString(intlLocale(i18n.language), { dateStyle: "medium" }),
        })}
      </p>
      {request.message ? (
        <blockquote className="directory-quote">
          <p className="directory-description">{request.message}</p>
        </blockquote>
      ) : (
        <p className="muted">{t("counsellingPractice.intake.noMessage")}</p>
      )}
      <p>{request.counsellor ? t("counsellingPractice.intake.assignedTo", { name: request.counsellor.name }) : t("counsellingPractice.intake.unassigned")}</p>
      {act.isError && <Alert tone="error">{t("counsellingPractice.intake.actionError")}</Alert>}
      {manager && (
        <form
          className="actions"
          onSubmit={(event) => {
            event.preventDefault();
            act.mutate({ requestId: request.id, action: "assign", memberId });
          }}
        >
          <div className="field">
            <label className="field__label" htmlFor={`${id}-member`}>
              {t("counsellingPractice.intake.counsellor")}
            </label>
            <select id={`${id}-member`} className="field__input" value={memberId} onChange={(event) => setMemberId(event.target.value)}>
              {members.map((member) => (
                <option key={member.memberId} value={member.memberId}>
                  {member.name}
                </option>
              ))}
            </select>
          </div>
          <Button type="submit" variant="secondary" busy={act.isPending}>
            {t("counsellingPractice.intake.assign")}
          </Button>
        </form>
      )}
      <div className="actions">
        {request.isMine && (
          <Button type="button" busy={act.isPending} onClick={() => act.mutate({ requestId: request.id, action: "accept" })}>
            {t("counsellingPractice.intake.accept", { name: names })}
          </Button>
        )}
        {(request.isMine || manager) && !declining && (
          <Button type="button" variant="secondary" onClick={() => setDeclining(true)}>
            {t("counsellingPractice.intake.decline")}
          </Button>
        )}
      </div>
      {declining && (
        <form
          onSubmit={(event) => {
            event.preventDefault();
            act.mutate({ requestId: request.id, action: "decline", message: message.trim() });
          }}
        >
          <div className="field">
            <label className="field__label" htmlFor={`${id}-decline`}>
              {t("counsellingPractice.intake.declineMessage")}
            </label>
            <textarea
              id={`${id}-decline`}
              className="field__input field__textarea"
              rows={3}
              maxLength={600}
              required
              value={message}
              onChange={(event) => setMessage(event.target.value)}
            />
          </div>
          <div className="actions">
            <Button type="submit" variant="danger" busy={act.isPending}>
              {t("counsellingPractice.intake.sendDecline")}
            </Button>
            <Button type="button" variant="link" onClick={() => setDeclining(false)}>
              {t("counsellingPractice.intake.cancel")}
            </Button>
          </div>
        </form>
      )}
    </li>
  );
}
