import { useEffect, useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { Link, useNavigate } from "react-router";
import { Alert } from "../../../components/alert";
import { Button } from "../../../components/button";
import { PasswordField, TextField } from "../../../components/text-field";
import { ApiRequestError } from "../../../lib/api-client";
import { safeNextPath } from "../../../lib/next-path";
import { useConfirmEmail, useResendSignUpLink } from "../../../lib/api/auth-api";
import { FocusedMessage, useFocusFirstInvalid } from "./focus-message";
import { isTwoFactorChallenge } from "../../../lib/api/two-factor-api";
import { TwoFactorSignInStep } from "../../../components/two-factor/two-factor-sign-in-step";
import { describeResetError } from "./reset-message";
import { describeAccountError } from "../../../lib/server-message";
import { checkEmail, checkRequired } from "./validate";

type EmailedLink = { token: string; next: string; email: string };

/** The token, page to go on to and address that the emailed link carries in its fragment (#token=…&next=…&email=…). */
function readLinkFromAddress(): EmailedLink | null {
  const raw = window.location.hash.slice(1);
  if (!raw) return null;
  const fragment = new URLSearchParams(raw);
  const token = fragment.get("token");
  return token ? { token, next: safeNextPath(fragment.get("next")), email: fragment.get("email") ?? "" } : null;
}

/** The sign-in page, going on to `next` afterwards (its fragment, e.g. an invite code, kept). */
function signInPathFor(next: string): string {
  if (next === "/") return "/sign-in";
  const hashAt = next.indexOf("#");
  const path = hashAt === -1 ? next : next.slice(0, hashAt);
  return `/sign-in?next=${encodeURIComponent(path)}${hashAt === -1 ? "" : next.slice(hashAt)}`;
}

/** A link the server would not even read (damaged on the way): only a new one helps. */
function isDeadLink(error: unknown): boolean {
  return error instanceof ApiRequestError && error.status === 400;
}

/** A wrong password, or an expired or forged link: the server answers them alike (decision 020). */
function isRefused(error: unknown): boolean {
  return error instanceof ApiRequestError && error.status === 401;
}

/**
 * Finishes a sign-up with the emailed link. The token is read once and taken out of the
 * address bar (so it stays out of history and bookmarks), and used only when the person
 * presses the button: a mail scanner that opens links cannot use it up.
 *
 * The address is confirmed only together with the password chosen at sign-up (decision 020):
 * the account may be one someone else started with this address, its password theirs, and then
 * the owner's own password confirms nothing. So the page asks for the password right away, and
 * a person whose password does not match is led to choose a new one, which makes the account
 * theirs alone. The right password signs in (or asks for the second step's code) and goes on.
 */
export function ConfirmEmail() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const confirm = useConfirmEmail();
  const [link, setLink] = useState(readLinkFromAddress);
  const [password, setPassword] = useState("");
  const [passwordError, setPasswordError] = useState<string | undefined>();
  const [needsCode, setNeedsCode] = useState(false);
  const [wantsNewLink, setWantsNewLink] = useState(false);
  const { reset: forgetLastAttempt } = confirm;

  useEffect(() => {
    const clearAddress = () => {
      if (window.location.hash) window.history.replaceState(window.history.state, "", `${window.location.pathname}${window.location.search}`);
    };
    // A link opened while this page is already showing changes only the fragment: no reload.
    const onHashChange = () => {
      const fresh = readLinkFromAddress();
      clearAddress();
      if (!fresh) return;
      setLink(fresh);
      setNeedsCode(false);
      setWantsNewLink(false);
      forgetLastAttempt();
    };
    clearAddress();
    window.addEventListener("hashchange", onHashChange);
    return () => window.removeEventListener("hashchange", onHashChange);
  }, [forgetLastAttempt]);

  if (!link) return <AskForNewLink reason={t("signUpEmail.noLink")} tone="info" next="/" />;

  if (wantsNewLink || (confirm.isError && isDeadLink(confirm.error))) {
    return wantsNewLink ? (
      <AskForNewLink reason={t("signUpEmail.newLinkReason")} tone="info" next={link.next} />
    ) : (
      <AskForNewLink reason={t("signUpEmail.linkInvalid")} tone="error" next={link.next} />
    );
  }

  const goOn = () => void navigate(link.next, { replace: true });

  if (needsCode) {
    return (
      <TwoFactorSignInStep
        onSignedIn={goOn}
        onStartOver={() => {
          setNeedsCode(false);
          setPassword("");
          confirm.reset();
        }}
      />
    );
  }

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const found = checkRequired(password, t);
    setPasswordError(found);
    if (found) return;
    confirm.mutate({ token: link.token, password }, { onSuccess: (answer) => (isTwoFactorChallenge(answer) ? setNeedsCode(true) : goOn()) });
  };

  return (
    <>
      <form onSubmit={onSubmit} noValidate className="form">
        <p>{t("signUpEmail.confirmIntro")}</p>
        {link.email !== "" && <p>{t("signUpEmail.confirmEmailLabel", { email: link.email })}</p>}
        {confirm.isError && (
          <FocusedMessage messageKey={String(confirm.submittedAt)}>
            <Alert tone="error">{isRefused(confirm.error) ? t("signUpEmail.passwordNotWorking") : describeAccountError(confirm.error, t)}</Alert>
          </FocusedMessage>
        )}
        <PasswordField
          label={t("auth.password")}
          autoComplete="current-password"
          value={password}
          onChange={(event) => setPassword(event.target.value)}
          error={passwordError}
          required
        />
        <Button type="submit" busy={confirm.isPending}>
          {confirm.isPending ? t("auth.working") : t("signUpEmail.confirmButton")}
        </Button>
      </form>
      <p>
        <Link to="/forgot-password">{t("passwordReset.forgotLink")}</Link>
      </p>
      {confirm.isError && isRefused(confirm.error) && (
        <p>
          <Button type="button" variant="secondary" onClick={() => setWantsNewLink(true)}>
            {t("signUpEmail.askForNewLink")}
          </Button>
        </p>
      )}
    </>
  );
}

/** Why the link cannot be used, and a form to have a new one sent (answered alike for any address). */
function AskForNewLink({ reason, tone, next }: { reason: string; tone: "info" | "error"; next: string }) {
  const { t } = useTranslation();
  const resend = useResendSignUpLink();
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
    resend.mutate({ email: email.trim(), next });
  };

  return (
    <>
      <FocusedMessage messageKey={reason}>
        <Alert tone={tone}>{reason}</Alert>
      </FocusedMessage>
      {resend.isSuccess ? (
        <FocusedMessage messageKey="sent">
          <Alert tone="success">{t("signUpEmail.sentAgain")}</Alert>
        </FocusedMessage>
      ) : (
        <form ref={form} onSubmit={onSubmit} noValidate className="form">
          <p>{t("signUpEmail.askAgainIntro")}</p>
          {resend.isError && (
            <FocusedMessage messageKey={String(resend.submittedAt)}>
              <Alert tone="error">{describeResetError(resend.error, t)}</Alert>
            </FocusedMessage>
          )}
          <TextField
            label={t("auth.email")}
            type="email"
            autoComplete="email"
            inputMode="email"
            value={email}
            onChange={(event) => setEmail(event.target.value)}
            error={error}
            required
          />
          <Button type="submit" busy={resend.isPending}>
            {resend.isPending ? t("auth.working") : t("signUpEmail.askAgainButton")}
          </Button>
        </form>
      )}
      <p>
        <Link to={signInPathFor(next)}>{t("signUpEmail.signIn")}</Link>
      </p>
      <p>
        <Link to="/sign-up">{t("signUpEmail.startAgain")}</Link>
      </p>
    </>
  );
}
