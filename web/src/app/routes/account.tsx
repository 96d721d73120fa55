import { Link, useNavigate } from "react-router";
import { useTranslation } from "react-i18next";
import { Alert } from "../../components/alert";
import { Button } from "../../components/button";
import { BelowTheFold, Page } from "../../components/page";
import { useMe, useResendVerification } from "../../lib/api/auth-api";
import { ChangePasswordForm } from "../../features/auth/components/change-password-form";
import { DeleteAccountForm } from "../../features/auth/components/delete-account-form";
import { SessionList } from "../../features/auth/components/session-list";
import { DataExportSection } from "../../features/data-export/components/data-export-section";
import { QuickExitSetting } from "../../features/safety/quick-exit-setting";
import { ReminderSummary } from "../../features/reminders/components/reminder-summary";
import { DiscreetSetting } from "../../features/safety/discreet-setting";

export function AccountRoute() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const me = useMe();
  const resend = useResendVerification();
  const user = me.data;
  if (!user) return null;
  return (
    <Page title={t("account.title")}>
      <section aria-labelledby="account-details" className="card">
        <h2 id="account-details">{t("account.profile")}</h2>
        <p>
          <strong>{user.name}</strong>
          <br />
          {user.email}
        </p>
        {user.emailVerified ? (
          <p>{t("account.emailStatusVerified")}</p>
        ) : (
          <>
            <p>{t("account.emailStatusUnverified")}</p>
            {resend.isSuccess ? (
              <Alert tone="success">{t("account.verificationSent")}</Alert>
            ) : (
              <Button variant="secondary" onClick={() => resend.mutate(user.email)} busy={resend.isPending}>
                {t("account.resendVerification")}
              </Button>
            )}
          </>
        )}
      </section>
      <section aria-labelledby="account-password" className="card">
        <h2 id="account-password">{t("account.changePassword")}</h2>
        <ChangePasswordForm />
      </section>
      <section aria-labelledby="account-two-factor" className="card">
        <h2 id="account-two-factor">{t("twoFactor.pageTitle")}</h2>
        <p>{user.twoFactorEnabled ? t("twoFactor.accountSummaryOn") : t("twoFactor.accountSummaryOff")}</p>
        <p>
          <Link to="/account/two-factor">{t("twoFactor.manage")}</Link>
        </p>
      </section>
      <BelowTheFold>
        <ReminderSummary />
        <QuickExitSetting />
        <DiscreetSetting />
        <section aria-labelledby="account-sessions" className="card">
          <h2 id="account-sessions">{t("account.sessions")}</h2>
          <SessionList />
        </section>
        <section aria-labelledby="account-data-views" className="card">
          <h2 id="account-data-views">{t("account.dataViewsTitle")}</h2>
          <p>{t("account.dataViewsBody")}</p>
          <p>
            <Link to="/account/data-views">{t("account.dataViewsLink")}</Link>
          </p>
        </section>
        <section aria-labelledby="account-counselling" className="card">
          <h2 id="account-counselling">{t("counselling.accountTitle")}</h2>
          <p>{t("counselling.accountBody")}</p>
          <p>
            <Link to="/counselling">{t("counselling.accountLink")}</Link>
          </p>
        </section>
        <section aria-labelledby="account-practice" className="card">
          <h2 id="account-practice">{t("counsellingPractice.accountTitle")}</h2>
          <p>{t("counsellingPractice.accountBody")}</p>
          <p>
            <Link to="/practice">{t("counsellingPractice.accountLink")}</Link>
          </p>
        </section>
        <DataExportSection />
        <section aria-labelledby="account-delete" className="card card--danger">
          <h2 id="account-delete">{t("account.deleteTitle")}</h2>
          <DeleteAccountForm twoFactorEnabled={user.twoFactorEnabled} onDeleted={() => void navigate("/sign-in?deleted=1", { replace: true })} />
        </section>
      </BelowTheFold>
    </Page>
  );
}
