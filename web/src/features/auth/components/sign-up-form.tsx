import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { Alert } from "../../../components/alert";
import { Button } from "../../../components/button";
import { TextField } from "../../../components/text-field";
import { useSignUp } from "../api/auth-api";
import { NewPasswordField } from "./new-password-field";
import { describeAccountError } from "./server-message";
import { checkEmail, checkName, checkNewPasswordInput, type FieldErrors } from "./validate";

type Field = "name" | "email" | "password";

/** Creates an account. Nothing typed is lost when the server refuses it. */
export function SignUpForm({ onSignedUp }: { onSignedUp: () => void }) {
  const { t } = useTranslation();
  const signUp = useSignUp();
  const [values, setValues] = useState({ name: "", email: "", password: "" });
  const [errors, setErrors] = useState<FieldErrors<Field>>({});

  const update = (field: Field) => (event: { target: { value: string } }) => setValues((current) => ({ ...current, [field]: event.target.value }));

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const found: FieldErrors<Field> = {
      name: checkName(values.name, t),
      email: checkEmail(values.email, t),
      password: checkNewPasswordInput(values.password, t),
    };
    setErrors(found);
    if (Object.values(found).some(Boolean)) return;
    signUp.mutate({ name: values.name.trim(), email: values.email.trim(), password: values.password }, { onSuccess: onSignedUp });
  };

  return (
    <form onSubmit={onSubmit} noValidate className="form">
      {signUp.isError && <Alert tone="error">{describeAccountError(signUp.error, t)}</Alert>}
      <TextField label={t("auth.name")} hint={t("auth.nameHint")} autoComplete="nickname" value={values.name} onChange={update("name")} error={errors.name} required maxLength={80} />
      <TextField label={t("auth.email")} type="email" autoComplete="email" inputMode="email" value={values.email} onChange={update("email")} error={errors.email} required />
      <NewPasswordField label={t("auth.password")} value={values.password} onChange={update("password")} error={errors.password} required />
      <Button type="submit" busy={signUp.isPending}>
        {signUp.isPending ? t("auth.working") : t("auth.submitSignUp")}
      </Button>
    </form>
  );
}
