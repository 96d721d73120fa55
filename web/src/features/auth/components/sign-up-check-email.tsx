import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { Alert } from "../../../components/alert";
import { Button } from "../../../components/button";
import { useResendSignUpLink } from "../../../lib/api/auth-api";
import { FocusedMessage } from "./focus-message";
import { describeResetError } from "./reset-message";

/**
 * After a sign-up: the link is in the person's mailbox. Every address gets these same words,
 * whether or not it already had an account (decision 020).
 */
export function SignUpCheckEmail({
  email,
  next,
  signInPath,
  onChangeAddress,
}: {
  email: string;
  next: string;
  signInPath: string;
  onChangeAddress: () => void;
}) {
  const { t } = useTranslation();
  const resend = useResendSignUpLink();
  return (
    <>
      {/* The page's heading takes focus as the view changes (Page), so this is read right after it. */}
      <Alert tone="success">
        <p>{t("signUpEmail.sentTo", { email })}</p>
        <p>{t("signUpEmail.sentToAccountHolder")}</p>
      </Alert>
      <p>{t("signUpEmail.linkLasts")}</p>
      {resend.isSuccess && (
        <FocusedMessage messageKey={String(resend.submittedAt)}>
          <Alert tone="info">{t("signUpEmail.sentAgain")}</Alert>
        </FocusedMessage>
      )}
      {resend.isError && (
        <FocusedMessage messageKey={String(resend.submittedAt)}>
          <Alert tone="error">{describeResetError(resend.error, t)}</Alert>
        </FocusedMessage>
      )}
      <div className="form">
        <Button variant="secondary" busy={resend.isPending} onClick={() => resend.mutate({ email, next })}>
          {resend.isPending ? t("auth.working") : t("signUpEmail.sendAgain")}
        </Button>
        <Button variant="link" onClick={onChangeAddress}>
          {t("signUpEmail.differentAddress")}
        </Button>
      </div>
      <p>
        {t("signUpEmail.alreadyConfirmed")} <Link to={signInPath}>{t("signUpEmail.signIn")}</Link>
      </p>
    </>
  );
}
