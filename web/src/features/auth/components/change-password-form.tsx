import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { Alert } from "../../../components/alert";
import { Button } from "../../../components/button";
import { PasswordField } from "../../../components/text-field";
import { useChangePassword } from "../../../lib/api/auth-api";
import { NewPasswordField } from "./new-password-field";
import { describeAccountError } from "../../../lib/server-message";
import { checkNewPasswordInput, checkRequired, type FieldErrors } from "./validate";

type Field = "currentPassword" | "newPassword";

/** Changes the password; the server ends every other session as it does. */
export function ChangePasswordForm() {
  const { t } = useTranslation();
  const change = useChangePassword();
  const [values, setValues] = useState({ currentPassword: "", newPassword: "" });
  const [errors, setErrors] = useState<FieldErrors<Field>>({});

  const update = (field: Field) => (event: { target: { value: string } }) => setValues((current) => ({ ...current, [field]: event.target.value }));

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const found: FieldErrors<Field> = {
      currentPassword: checkRequired(values.currentPassword, t),
      newPassword: checkNewPasswordInput(values.newPassword, t),
    };
    setErrors(found);
    if (Object.values(found).some(Boolean)) return;
    change.mutate(values, { onSuccess: () => setValues({ currentPassword: "", newPassword: "" }) });
  };

  return (
    <form onSubmit={onSubmit} noValidate className="form">
      <p>{t("account.changePasswordNote")}</p>
      {change.isError && <Alert tone="error">{describeAccountError(change.error, t)}</Alert>}
      {change.isSuccess && <Alert tone="success">{t("account.passwordChanged")}</Alert>}
      <PasswordField
        label={t("auth.currentPassword")}
        autoComplete="current-password"
        value={values.currentPassword}
        onChange={update("currentPassword")}
        error={errors.currentPassword}
      />
      <NewPasswordField label={t("auth.newPassword")} value={values.newPassword} onChange={update("newPassword")} error={errors.newPassword} />
      <Button type="submit" busy={change.isPending}>
        {change.isPending ? t("auth.working") : t("account.savePassword")}
      </Button>
    </form>
  );
}
