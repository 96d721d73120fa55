import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { Alert } from "../../../components/alert";
import { Button } from "../../../components/button";
import { TextField } from "../../../components/text-field";
import { useRequestPasswordReset } from "../../../lib/api/auth-api";
import { FocusedMessage, useFocusFirstInvalid } from "./focus-message";
import { describeResetError } from "./reset-message";
import { checkEmail } from "./validate";

/**
 * Asks for a reset link. Whatever the address, a sent request gets the same words: the page
 * must not tell anyone whether an account exists (decision 020).
 */
export function ForgotPasswordForm() {
  const { t } = useTranslation();
  const request = useRequestPasswordReset();
  const [email, setEmail] = useState("");
  const [error, setError] = useState<string | undefined>();
  const { form, focusFirstInvalid } = useFocusFirstInvalid();

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const found = checkEmail(email, t);
    setError(found);
    if (found) {
      focusFirstInvalid();
      return;
    }
    request.mutate(email.trim());
  };

  if (request.isSuccess) {
    return (
      <>
        <FocusedMessage messageKey="sent">
          <Alert tone="success">{t("passwordReset.sent")}</Alert>
        </FocusedMessage>
        <p>
          <Link to="/sign-in">{t("passwordReset.backToSignIn")}</Link>
        </p>
      </>
    );
  }

  return (
    <>
      <form ref={form} onSubmit={onSubmit} noValidate className="form">
        <p>{t("passwordReset.forgotIntro")}</p>
        {request.isError && (
          <FocusedMessage messageKey={String(request.submittedAt)}>
            <Alert tone="error">{describeResetError(request.error, t)}</Alert>
          </FocusedMessage>
        )}
        <TextField
          label={t("auth.email")}
          type="email"
          autoComplete="username"
          inputMode="email"
          value={email}
          onChange={(event) => setEmail(event.target.value)}
          error={error}
          required
        />
        <Button type="submit" busy={request.isPending}>
          {request.isPending ? t("auth.working") : t("passwordReset.sendLink")}
        </Button>
      </form>
      <p>
        <Link to="/sign-in">{t("passwordReset.backToSignIn")}</Link>
      </p>
    </>
  );
}
