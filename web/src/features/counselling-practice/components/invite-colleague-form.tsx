import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { INVITABLE_PRACTICE_ROLES, type InvitablePracticeRole } from "@mutual/core";
import { Alert } from "../../../components/alert";
import { Button } from "../../../components/button";
import { RadioGroup } from "../../../components/form-controls";
import { TextField } from "../../../components/text-field";
import { useInviteColleague } from "../../../lib/api/practice-api";
import { describePracticeError } from "./practice-error";

const emailPattern = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** Owners and admins invite a colleague by email, as an admin or a counsellor. */
export function InviteColleagueForm({ practiceId }: { practiceId: string }) {
  const { t } = useTranslation();
  const invite = useInviteColleague(practiceId);
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
      <RadioGroup
        legend={t("counsellingPractice.invite.roleLabel")}
        value={role}
        options={INVITABLE_PRACTICE_ROLES.map((option) => ({
          value: option,
          label: t(`counsellingPractice.roles.${option}`),
          hint: t(`counsellingPractice.roleHints.${option}`),
        }))}
        onChange={setRole}
      />
      <Button type="submit" busy={invite.isPending}>
        {invite.isPending ? t("auth.working") : t("counsellingPractice.invite.submit")}
      </Button>
    </form>
  );
}
