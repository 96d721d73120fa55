import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { describeAccountError } from "../lib/server-message";
import { Alert } from "./alert";
import { Button } from "./button";
import { PasswordField } from "./text-field";

/**
 * "Type your password to go on": the step before a change to how the account signs in.
 * An empty password is caught here; the server's refusal is shown in the account's words.
 * `send` gets the password and a way to clear the field once the server has agreed.
 */
export function PasswordStepForm({
  title,
  intro,
  submitLabel,
  variant = "primary",
  send,
  pending,
  error,
}: {
  title?: string;
  intro: string;
  submitLabel: string;
  variant?: "primary" | "danger";
  send: (password: string, clear: () => void) => void;
  pending: boolean;
  error: unknown;
}) {
  const { t } = useTranslation();
  const [password, setPassword] = useState("");
  const [problem, setProblem] = useState<string | undefined>();
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const missing = password === "" ? t("validation.required") : undefined;
    setProblem(missing);
    if (!missing) send(password, () => setPassword(""));
  };
  return (
    <form onSubmit={onSubmit} noValidate className="form">
      {title && <h2>{title}</h2>}
      <p>{intro}</p>
      {error != null && <Alert tone="error">{describeAccountError(error, t)}</Alert>}
      <PasswordField
        label={t("auth.currentPassword")}
        autoComplete="current-password"
        value={password}
        onChange={(event) => setPassword(event.target.value)}
        error={problem}
      />
      <Button type="submit" variant={variant} busy={pending}>
        {pending ? t("auth.working") : submitLabel}
      </Button>
    </form>
  );
}
