import { useId, useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { Alert } from "../../../components/alert";
import { Button } from "../../../components/button";
import { PasswordField } from "../../../components/text-field";
import { useDeleteAccount } from "../api/auth-api";
import { describeAccountError } from "./server-message";

/** Deletes the account after the person confirms twice: a checkbox and their password. */
export function DeleteAccountForm({ onDeleted }: { onDeleted: () => void }) {
  const { t } = useTranslation();
  const remove = useDeleteAccount();
  const [password, setPassword] = useState("");
  const [understood, setUnderstood] = useState(false);
  const [passwordError, setPasswordError] = useState<string | undefined>();
  const checkboxId = useId();

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (!password) {
      setPasswordError(t("account.deletePasswordRequired"));
      return;
    }
    setPasswordError(undefined);
    remove.mutate(password, { onSuccess: onDeleted });
  };

  return (
    <form onSubmit={onSubmit} noValidate className="form form--danger">
      <p>{t("account.deleteWarning")}</p>
      {remove.isError && <Alert tone="error">{describeAccountError(remove.error, t)}</Alert>}
      <PasswordField label={t("auth.password")} autoComplete="current-password" value={password} onChange={(event) => setPassword(event.target.value)} error={passwordError} />
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
