import { useEffect, useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { Alert } from "../../../components/alert";
import { Button } from "../../../components/button";
import { PasswordField } from "../../../components/text-field";
import { useResetPassword } from "../../../lib/api/auth-api";
import { FocusedMessage, useFocusFirstInvalid } from "./focus-message";
import { NewPasswordField } from "./new-password-field";
import { describeResetError, isDeadResetLink } from "./reset-message";
import { checkNewPasswordInput, type FieldErrors } from "./validate";

type Field = "newPassword" | "confirmPassword";

/** The token the emailed link carries in its fragment (/reset-password#<token>), if any. */
function readTokenFromAddress(): string | null {
  const raw = window.location.hash.slice(1);
  if (!raw) return null;
  try {
    return decodeURIComponent(raw) || null;
  } catch {
    // A link mangled in transit: the same as no link, the person asks for a new one.
    return null;
  }
}

/**
 * Sets a new password with the emailed link. The token is read once and taken out of the
 * address bar, so it stays out of the history, bookmarks and a screen shared later.
 */
export function ResetPasswordForm() {
  const { t } = useTranslation();
  const reset = useResetPassword();
  const [token, setToken] = useState(readTokenFromAddress);
  const [values, setValues] = useState({ newPassword: "", confirmPassword: "" });
  const [errors, setErrors] = useState<FieldErrors<Field>>({});
  const { form, focusFirstInvalid } = useFocusFirstInvalid();
  const { reset: forgetLastAttempt } = reset;

  useEffect(() => {
    const clearAddress = () => {
      if (window.location.hash) window.history.replaceState(window.history.state, "", `${window.location.pathname}${window.location.search}`);
    };
    // A link opened while this page is already showing changes only the fragment: no reload,
    // so the new token is taken from the event and the page starts over with it.
    const onHashChange = () => {
      const fresh = readTokenFromAddress();
      clearAddress();
      if (!fresh) return;
      setToken(fresh);
      setValues({ newPassword: "", confirmPassword: "" });
      setErrors({});
      forgetLastAttempt();
    };
    clearAddress();
    window.addEventListener("hashchange", onHashChange);
    return () => window.removeEventListener("hashchange", onHashChange);
  }, [forgetLastAttempt]);

  const update = (field: Field) => (event: { target: { value: string } }) => setValues((current) => ({ ...current, [field]: event.target.value }));

  const askAgain = (
    <p>
      <Link to="/forgot-password">{t("passwordReset.askAgain")}</Link>
    </p>
  );

  if (!token) {
    return (
      <>
        <Alert tone="info">{t("passwordReset.noLink")}</Alert>
        {askAgain}
      </>
    );
  }

  if (reset.isSuccess) {
    return (
      <>
        <FocusedMessage messageKey="done">
          <Alert tone="success">{t("passwordReset.done")}</Alert>
        </FocusedMessage>
        <p>
          <Link to="/sign-in">{t("passwordReset.signInNow")}</Link>
        </p>
      </>
    );
  }

  if (reset.isError && isDeadResetLink(reset.error)) {
    return (
      <>
        <FocusedMessage messageKey="dead">
          <Alert tone="error">{t("passwordReset.linkInvalid")}</Alert>
        </FocusedMessage>
        {askAgain}
      </>
    );
  }

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const newPassword = checkNewPasswordInput(values.newPassword, t);
    const found: FieldErrors<Field> = {
      newPassword,
      confirmPassword: !values.confirmPassword
        ? t("validation.required")
        : !newPassword && values.confirmPassword !== values.newPassword
          ? t("passwordReset.mismatch")
          : undefined,
    };
    setErrors(found);
    if (Object.values(found).some(Boolean)) {
      focusFirstInvalid();
      return;
    }
    reset.mutate({ token, newPassword: values.newPassword });
  };

  return (
    <form ref={form} onSubmit={onSubmit} noValidate className="form">
      <p>{t("passwordReset.resetIntro")}</p>
      {reset.isError && (
        <FocusedMessage messageKey={String(reset.submittedAt)}>
          <Alert tone="error">{describeResetError(reset.error, t)}</Alert>
        </FocusedMessage>
      )}
      <NewPasswordField label={t("auth.newPassword")} value={values.newPassword} onChange={update("newPassword")} error={errors.newPassword} required />
      <PasswordField
        label={t("passwordReset.confirmPassword")}
        autoComplete="new-password"
        value={values.confirmPassword}
        onChange={update("confirmPassword")}
        error={errors.confirmPassword}
        required
      />
      <Button type="submit" busy={reset.isPending}>
        {reset.isPending ? t("auth.working") : t("passwordReset.savePassword")}
      </Button>
    </form>
  );
}
