import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { Alert } from "../../../components/alert";
import { Button } from "../../../components/button";
import { PasswordField, TextField } from "../../../components/text-field";
import { useSignIn } from "../../../lib/api/auth-api";
import { isTwoFactorChallenge } from "../../../lib/api/two-factor-api";
import { TwoFactorSignInStep } from "../../../components/two-factor/two-factor-sign-in-step";
import { describeAccountError } from "../../../lib/server-message";
import { checkEmail, checkRequired, type FieldErrors } from "./validate";

type Field = "email" | "password";

/** `initialEmail` fills in the address when the page already knows it (the confirmed sign-up link). */
export function SignInForm({ onSignedIn, initialEmail = "" }: { onSignedIn: () => void; initialEmail?: string }) {
  const { t } = useTranslation();
  const signIn = useSignIn();
  const [values, setValues] = useState({ email: initialEmail, password: "" });
  const [errors, setErrors] = useState<FieldErrors<Field>>({});
  // The password was right and two-step sign-in is on: no session until the code is checked.
  const [needsCode, setNeedsCode] = useState(false);

  const update = (field: Field) => (event: { target: { value: string } }) => setValues((current) => ({ ...current, [field]: event.target.value }));

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const found: FieldErrors<Field> = { email: checkEmail(values.email, t), password: checkRequired(values.password, t) };
    setErrors(found);
    if (Object.values(found).some(Boolean)) return;
    signIn.mutate(
      { email: values.email.trim(), password: values.password },
      { onSuccess: (answer) => (isTwoFactorChallenge(answer) ? setNeedsCode(true) : onSignedIn()) },
    );
  };

  if (needsCode) {
    return (
      <TwoFactorSignInStep
        onSignedIn={onSignedIn}
        onStartOver={() => {
          setNeedsCode(false);
          setValues((current) => ({ ...current, password: "" }));
          signIn.reset();
        }}
      />
    );
  }

  return (
    <form onSubmit={onSubmit} noValidate className="form">
      {signIn.isError && <Alert tone="error">{describeAccountError(signIn.error, t)}</Alert>}
      <TextField
        label={t("auth.email")}
        type="email"
        autoComplete="username"
        inputMode="email"
        value={values.email}
        onChange={update("email")}
        error={errors.email}
        required
      />
      <PasswordField
        label={t("auth.password")}
        autoComplete="current-password"
        value={values.password}
        onChange={update("password")}
        error={errors.password}
        required
      />
      <Button type="submit" busy={signIn.isPending}>
        {signIn.isPending ? t("auth.working") : t("auth.submitSignIn")}
      </Button>
    </form>
  );
}
