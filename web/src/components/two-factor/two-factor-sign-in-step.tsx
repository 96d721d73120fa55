import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { Alert } from "../alert";
import { Button } from "../button";
import { TextField } from "../text-field";
import { useVerifyBackupCode, useVerifyCode } from "../../lib/api/two-factor-api";
import { describeCodeError } from "./code-error";
import { CodeField } from "./code-field";
import { isSixDigits, normalizeCode } from "./otpauth";

/**
 * The second step of signing in: a six-digit code from the authenticator app, or one of the
 * backup codes. No session exists until it succeeds.
 */
export function TwoFactorSignInStep({ onSignedIn, onStartOver }: { onSignedIn: () => void; onStartOver: () => void }) {
  const { t } = useTranslation();
  const [useBackup, setUseBackup] = useState(false);
  const [code, setCode] = useState("");
  const [fieldError, setFieldError] = useState<string | undefined>();
  const verifyCode = useVerifyCode();
  const verifyBackup = useVerifyBackupCode();
  const active = useBackup ? verifyBackup : verifyCode;

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const entered = useBackup ? code.trim() : normalizeCode(code);
    const problem = entered === "" ? t("validation.required") : !useBackup && !isSixDigits(entered) ? t("twoFactor.codeFormat") : undefined;
    setFieldError(problem);
    if (problem) return;
    active.mutate(entered, { onSuccess: onSignedIn });
  };

  const switchMode = () => {
    setUseBackup((current) => !current);
    setCode("");
    setFieldError(undefined);
    verifyCode.reset();
    verifyBackup.reset();
  };

  return (
    <form onSubmit={onSubmit} noValidate className="form" aria-labelledby="two-factor-step-title">
      <h2 id="two-factor-step-title">{t("twoFactor.stepTitle")}</h2>
      <p>{useBackup ? t("twoFactor.stepBackupIntro") : t("twoFactor.stepIntro")}</p>
      {active.isError && <Alert tone="error">{describeCodeError(active.error, t)}</Alert>}
      {useBackup ? (
        <TextField
          key="backup"
          label={t("twoFactor.backupCodeLabel")}
          autoComplete="off"
          autoCapitalize="off"
          spellCheck={false}
          value={code}
          onChange={(event) => setCode(event.target.value)}
          error={fieldError}
          autoFocus
        />
      ) : (
        <CodeField
          key="totp"
          label={t("twoFactor.codeLabel")}
          hint={t("twoFactor.codeHint")}
          value={code}
          onChange={(event) => setCode(event.target.value)}
          error={fieldError}
          autoFocus
        />
      )}
      <Button type="submit" busy={active.isPending}>
        {active.isPending ? t("auth.working") : t("twoFactor.verify")}
      </Button>
      <p>
        <Button variant="link" onClick={switchMode}>
          {useBackup ? t("twoFactor.useAppInstead") : t("twoFactor.useBackupInstead")}
        </Button>
      </p>
      <p>
        <Button variant="link" onClick={onStartOver}>
          {t("twoFactor.startOver")}
        </Button>
      </p>
    </form>
  );
}
