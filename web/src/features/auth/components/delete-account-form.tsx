import { useId, useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { Alert } from "../../../components/alert";
import { Button } from "../../../components/button";
import { PasswordField } from "../../../components/text-field";
import { CodeField } from "../../../components/two-factor/code-field";
import { isSixDigits, normalizeCode } from "../../../components/two-factor/otpauth";
import { useDeleteAccount } from "../../../lib/api/auth-api";
import { describeAccountError } from "../../../lib/server-message";

/**
 * Deletes the account after the person confirms twice: a checkbox and their password, and with
 * two-step sign-in on, a current code too (the server asks for both).
 */
export function DeleteAccountForm({ twoFactorEnabled, onDeleted }: { twoFactorEnabled: boolean; onDeleted: () => void }) {
  const { t } = useTranslation();
  const remove = useDeleteAccount();
  const [password, setPassword] = useState("");
  const [understood, setUnderstood] = useState(false);
  const [passwordError, setPasswordError] = useState<string | undefined>();
  const [code, setCode] = useState("");
  const [codeError, setCodeError] = useState<string | undefined>();
  const checkboxId = useId();

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const typedCode = normalizeCode(code);
    const missingPassword = !password;
    const badCode = twoFactorEnabled && !isSixDigits(typedCode);
    setPasswordError(missingPassword ? t("account.deletePasswordRequired") : undefined);
    setCodeError(badCode ? t("account.deleteCodeRequired") : undefined);
    if (missingPassword || badCode) return;
    // Through the promise, not mutate's onSuccess: once the account is gone the frame learns that
    // nobody is signed in and leaves this page, and mutate's own callbacks end with the page.
    void remove.mutateAsync(twoFactorEnabled ? { password, code: typedCode } : { password }).then(onDeleted, () => undefined);
  };

  return (
    <form onSubmit={onSubmit} noValidate className="form form--danger">
      <p>{t("account.deleteWarning")}</p>
      {remove.isError && <Alert tone="error">{describeAccountError(remove.error, t)}</Alert>}
      <PasswordField
        label={t("auth.password")}
        autoComplete="current-password"
        value={password}
        onChange={(event) => setPassword(event.target.value)}
        error={passwordError}
      />
      {twoFactorEnabled && (
        <CodeField
          label={t("account.deleteCodeLabel")}
          hint={t("account.deleteCodeHint")}
          value={code}
          onChange={(event) => setCode(event.target.value)}
          error={codeError}
        />
      )}
      <div className="checkbox">
        <input id={checkboxId} type="checkbox" checked={understood} onChange={(event) => setUnderstood(event.target.checked)} />
        <label htmlFor={checkboxId}>{t("account.deleteConfirm")}</label>
      </div>
      <Button type="submit" variant="danger" disabled={!understood} busy={remove.isPending}>
        {remove.isPending ? t("auth.working") : t("account.deleteButton")}
      </Button>
    </form>
  );
}
