import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { Alert } from "../../../components/alert";
import { Button } from "../../../components/button";
import { TextField } from "../../../components/text-field";
import { useSignUp } from "../../../lib/api/auth-api";
import { NewPasswordField } from "./new-password-field";
import { describeAccountError } from "../../../lib/server-message";
import { checkEmail, checkName, checkNewPasswordInput, type FieldErrors } from "./validate";

type Field = "name" | "email" | "password";

type Values = { name: string; email: string; password: string };

/**
 * Starts an account. The server emails a link that finishes it (decision 020); `onSignedUp`
 * gets what was sent (the address trimmed). Nothing typed is lost when the server refuses it,
 * and `initial` brings it back when the person returns to change the address.
 */
export function SignUpForm({ onSignedUp, next = "/", initial }: { onSignedUp: (sent: Values) => void; next?: string; initial?: Values | undefined }) {
  const { t } = useTranslation();
  const signUp = useSignUp();
  const [values, setValues] = useState<Values>(initial ?? { name: "", email: "", password: "" });
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
    const sent = { name: values.name.trim(), email: values.email.trim(), password: values.password };
    signUp.mutate({ ...sent, next }, { onSuccess: () => onSignedUp(sent) });
  };

  return (
    <form onSubmit={onSubmit} noValidate className="form">
      {signUp.isError && <Alert tone="error">{describeAccountError(signUp.error, t)}</Alert>}
      <TextField
        label={t("auth.name")}
        hint={t("auth.nameHint")}
        autoComplete="nickname"
        value={values.name}
        onChange={update("name")}
        error={errors.name}
        required
        maxLength={80}
      />
      <TextField
        label={t("auth.email")}
        type="email"
        autoComplete="email"
        inputMode="email"
        value={values.email}
        onChange={update("email")}
        error={errors.email}
        required
      />
      <NewPasswordField label={t("auth.password")} value={values.password} onChange={update("password")} error={errors.password} required />
      <Button type="submit" busy={signUp.isPending}>
        {signUp.isPending ? t("auth.working") : t("auth.submitSignUp")}
      </Button>
    </form>
  );
}
