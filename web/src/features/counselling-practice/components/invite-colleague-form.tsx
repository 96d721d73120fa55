import { useId, useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { INVITABLE_PRACTICE_ROLES, type InvitablePracticeRole } from "@mutual/core";
import { Alert } from "../../../components/alert";
import { Button } from "../../../components/button";
import { TextField } from "../../../components/text-field";
import { useInviteColleague } from "../../../lib/api/practice-api";
import { describePracticeError } from "./practice-error";

const emailPattern = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** Owners and admins invite a colleague by email, as an admin or a counsellor. */
export function InviteColleagueForm({ practiceId }: { practiceId: string }) {
  const { t } = useTranslation();
  const invite = useInviteColleague(practiceId);
  const roleName = useId();
  const [email, setEmail] = useState("");
  const [role, setRole] = useState<InvitablePracticeRole>("counsellor");
  const [error, setError] = useState<string | undefined>();
  const [sentTo, setSentTo] = useState<string | null>(null);
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const trimmed = email.trim();
    const problem = trimmed === "" ? t("validation.required") : emailPattern.test(trimmed) ? undefined : t("validation.email");
    setError(problem);
    if (problem) return;
    setSentTo(null);
    invite.mutate(
      { email: trimmed, role },
      {
        onSuccess: () => {
          setSentTo(trimmed);
          setEmail("");
        },
      },
    );
  };
  return (
    <form onSubmit={onSubmit} noValidate className="form" aria-labelledby="invite-title">
      <h2 id="invite-title">{t("counsellingPractice.invite.title")}</h2>
      <p>{t("counsellingPractice.invite.intro")}</p>
      {invite.isError && <Alert tone="error">{describePracticeError(invite.error, t)}</Alert>}
      {sentTo && <Alert tone="success">{t("counsellingPractice.invite.sent", { email: sentTo })}</Alert>}
      <TextField
        label={t("counsellingPractice.invite.emailLabel")}
        type="email"
        inputMode="email"
        autoComplete="off"
        value={email}
        onChange={(event) => setEmail(event.target.value)}
        error={error}
      />
      <fieldset className="field">
        <legend className="field__label">{t("counsellingPractice.invite.roleLabel")}</legend>
        {INVITABLE_PRACTICE_ROLES.map((option) => (
          <label key={option} className="choice">
            <input type="radio" name={roleName} value={option} checked={role === option} onChange={() => setRole(option)} />{" "}
            {t(`counsellingPractice.roles.${option}`)} <span className="field__hint">{t(`counsellingPractice.roleHints.${option}`)}</span>
          </label>
        ))}
      </fieldset>
      <Button type="submit" busy={invite.isPending}>
        {invite.isPending ? t("auth.working") : t("counsellingPractice.invite.submit")}
      </Button>
    </form>
  );
}
