import { lazy, Suspense, type ComponentType, type LazyExoticComponent } from "react";
import { BrowserRouter, Route, Routes } from "react-router";
import type { CatalogueKey } from "../locales/catalogue-files";
import { loadPageWithProviders } from "./page-loading";
import { Layout } from "./layout";
import { RequireSignIn } from "./require-sign-in";
import { Loading } from "../components/loading";
import { HomeRoute } from "./routes/home";

// Every page but the home page loads on demand, so the first screen downloads only what it
// shows. Declarative routing (BrowserRouter + Routes) rather than a data router keeps about
// 17 KB gzip of router code out of the first load; see docs/decisions/008-first-load-budget.md.

type LazyPage = LazyExoticComponent<ComponentType> & { preload: () => void };

/**
 * A page module's named export as a lazily loaded component, whose loading can start before it renders.
 * `catalogues`: every catalogue of text the page can show, loaded beside its code (decision 095);
 * route-catalogues.test.ts fails when the page's code names one that is not listed.
 */
function lazyPage<Name extends string>(load: () => Promise<Record<Name, ComponentType>>, name: Name, catalogues: readonly CatalogueKey[]): LazyPage {
  let loading: ReturnType<typeof loadPageWithProviders<Record<Name, ComponentType>>> | undefined;
  const start = () =>
    (loading ??= loadPageWithProviders(load, catalogues).catch((error: unknown) => {
      loading = undefined;
      throw error;
    }));
  const component = lazy(async () => {
    // The page's code, the text of the catalogues it shows, and the query cache arrive together (decisions 043, 061, 095).
    const [page, providers] = await start();
    const Page: ComponentType = page[name];
    const { PageProviders } = providers;
    return {
      default: () => (
        <PageProviders>
          <Page />
        </PageProviders>
      ),
    };
  });
  return Object.assign(component, { preload: () => void start().catch(() => undefined) });
}

const SignUpRoute = lazyPage(() => import("./routes/sign-up"), "SignUpRoute", ["account", "auth", "passwordReset", "signUpEmail", "validation"]);
const SignInRoute = lazyPage(() => import("./routes/sign-in"), "SignInRoute", ["account", "auth", "passwordReset", "twoFactor", "validation"]);
const ForgotPasswordRoute = lazyPage(() => import("./routes/forgot-password"), "ForgotPasswordRoute", ["account", "auth", "passwordReset", "validation"]);
const ResetPasswordRoute = lazyPage(() => import("./routes/reset-password"), "ResetPasswordRoute", ["account", "auth", "passwordReset", "validation"]);
const ConfirmEmailRoute = lazyPage(() => import("./routes/confirm-email"), "ConfirmEmailRoute", [
  "account",
  "auth",
  "passwordReset",
  "signUpEmail",
  "twoFactor",
  "validation",
]);
const AccountRoute = lazyPage(() => import("./routes/account"), "AccountRoute", [
  "account",
  "auth",
  "counselling",
  "counsellingPractice",
  "dataExport",
  "reminders",
  "twoFactor",
  "validation",
]);
const HelpRoute = lazyPage(() => import("./routes/help"), "HelpRoute", ["help"]);
const HelpCounsellingRoute = lazyPage(() => import("./routes/help-counselling"), "HelpCounsellingRoute", ["counselling", "help"]);
const ConsentRoute = lazyPage(() => import("./routes/consent"), "ConsentRoute", ["consent", "counselling", "couple", "sharing"]);
const AssessmentRoute = lazyPage(() => import("./routes/assessment"), "AssessmentRoute", ["assessment", "couple", "sharing"]);
const ProfileRoute = lazyPage(() => import("./routes/profile"), "ProfileRoute", ["counselling", "couple", "profile", "sharing"]);
const ProfileChangeRoute = lazyPage(() => import("./routes/profile-change"), "ProfileChangeRoute", ["profile"]);
const CheckInRoute = lazyPage(() => import("./routes/check-in"), "CheckInRoute", ["auth", "checkIn", "couple", "progress", "reminders", "sharing"]);
const TrendsRoute = lazyPage(() => import("./routes/trends"), "TrendsRoute", ["couple", "practices", "sharing", "trends"]);
const PracticesRoute = lazyPage(() => import("./routes/practices"), "PracticesRoute", ["practices"]);
const PracticeRoute = lazyPage(() => import("./routes/practice"), "PracticeRoute", ["checkIn", "couple", "practices", "sharing"]);
const PartnerRoute = lazyPage(() => import("./routes/partner"), "PartnerRoute", ["auth", "couple", "inviteCode"]);
// Invite links: who invites for someone not signed in, the join page once they are (decision 058).
const PartnerInviteRoute = lazyPage(() => import("./routes/invite-landing"), "PartnerInviteRoute", [
  "auth",
  "counselling",
  "counsellingPractice",
  "couple",
  "inviteLanding",
]);
const PartnerReportRoute = lazyPage(() => import("./routes/partner-report"), "PartnerReportRoute", ["counselling", "couple", "profile"]);
const PartnerCheckInsRoute = lazyPage(() => import("./routes/partner-check-ins"), "PartnerCheckInsRoute", ["couple", "practices", "trends"]);
const PartnerExercisesRoute = lazyPage(() => import("./routes/partner-exercises"), "PartnerExercisesRoute", ["couple", "practices", "trends"]);
const TwoFactorRoute = lazyPage(() => import("./routes/two-factor"), "TwoFactorRoute", ["account", "auth", "twoFactor", "validation"]);
const CounsellingPracticesRoute = lazyPage(() => import("./routes/counselling-practices"), "CounsellingPracticesRoute", [
  "auth",
  "counsellingPractice",
  "validation",
]);
const CounsellingPracticeRoute = lazyPage(() => import("./routes/counselling-practice"), "CounsellingPracticeRoute", [
  "auth",
  "clientDashboard",
  "counselling",
  "counsellingPractice",
  "inviteCode",
  "validation",
]);
const PracticeInviteRoute = lazyPage(() => import("./routes/invite-landing"), "PracticeInviteRoute", [
  "auth",
  "counselling",
  "counsellingPractice",
  "couple",
  "inviteLanding",
]);
const CounsellingRoute = lazyPage(() => import("./routes/counselling"), "CounsellingRoute", ["account", "counselling"]);
const CounsellingInviteRoute = lazyPage(() => import("./routes/invite-landing"), "CounsellingInviteRoute", [
  "auth",
  "counselling",
  "counsellingPractice",
  "couple",
  "inviteLanding",
]);
const PracticePsychometricsRoute = lazyPage(() => import("./routes/practice-psychometrics"), "PracticePsychometricsRoute", [
  "counsellingPractice",
  "practicePsychometrics",
  "profile",
]);
const PracticeReportRoute = lazyPage(() => import("./routes/practice-report"), "PracticeReportRoute", [
  "clientDashboard",
  "counsellingPractice",
  "practiceReport",
  "practices",
  "profile",
]);
const ClientDashboardRoute = lazyPage(() => import("./routes/client-dashboard"), "ClientDashboardRoute", ["clientDashboard", "profile"]);
const ClientDetailRoute = lazyPage(() => import("./routes/client-detail"), "ClientDetailRoute", [
  "clientDashboard",
  "clientRequests",
  "practices",
  "profile",
  "trends",
]);
const RemindersRoute = lazyPage(() => import("./routes/reminders"), "RemindersRoute", ["reminders"]);
const DataViewsRoute = lazyPage(() => import("./routes/data-views"), "DataViewsRoute", ["dataViews"]);
const DirectoryRoute = lazyPage(() => import("./routes/directory"), "DirectoryRoute", ["counselling"]);
const DirectoryAskRoute = lazyPage(() => import("./routes/directory"), "DirectoryAskRoute", ["counselling"]);
const DirectoryRequestsRoute = lazyPage(() => import("./routes/directory"), "DirectoryRequestsRoute", ["counselling"]);
const NotFoundRoute = lazyPage(() => import("./routes/not-found"), "NotFoundRoute", ["notFound"]);

/** A page anyone may open. */
function publicPage(Page: LazyPage) {
  return (
    <Suspense fallback={<Loading />}>
      <Page />
    </Suspense>
  );
}

/** A page for a signed-in person; others are sent to sign in and back. Its code loads while the session is asked for. */
function signedInPage(Page: LazyPage) {
  return <RequireSignIn preload={Page.preload}>{publicPage(Page)}</RequireSignIn>;
}

/** Every page of the app. Route components stay thin and compose features. */
export function AppRouter() {
  return (
    <BrowserRouter>
      <Routes>
        <Route element={<Layout />}>
          <Route path="/" element={<HomeRoute />} />
          <Route path="/sign-up" element={publicPage(SignUpRoute)} />
          <Route path="/sign-in" element={publicPage(SignInRoute)} />
          <Route path="/forgot-password" element={publicPage(ForgotPasswordRoute)} />
          <Route path="/reset-password" element={publicPage(ResetPasswordRoute)} />
          <Route path="/confirm-email" element={publicPage(ConfirmEmailRoute)} />
          <Route path="/account" element={signedInPage(AccountRoute)} />
          <Route path="/help" element={publicPage(HelpRoute)} />
          <Route path="/help/counselling" element={publicPage(HelpCounsellingRoute)} />
          <Route path="/consent" element={signedInPage(ConsentRoute)} />
          <Route path="/assessment" element={signedInPage(AssessmentRoute)} />
          <Route path="/profile" element={signedInPage(ProfileRoute)} />
          <Route path="/profile/change" element={signedInPage(ProfileChangeRoute)} />
          <Route path="/check-in" element={signedInPage(CheckInRoute)} />
          <Route path="/trends" element={signedInPage(TrendsRoute)} />
          <Route path="/practices" element={signedInPage(PracticesRoute)} />
          <Route path="/practices/:exerciseId" element={signedInPage(PracticeRoute)} />
          <Route path="/partner" element={signedInPage(PartnerRoute)} />
          <Route path="/partner/join" element={publicPage(PartnerInviteRoute)} />
          <Route path="/partner/report" element={signedInPage(PartnerReportRoute)} />
          <Route path="/partner/check-ins" element={signedInPage(PartnerCheckInsRoute)} />
          <Route path="/partner/exercises" element={signedInPage(PartnerExercisesRoute)} />
          <Route path="/account/reminders" element={signedInPage(RemindersRoute)} />
          <Route path="/account/data-views" element={signedInPage(DataViewsRoute)} />
          <Route path="/account/two-factor" element={signedInPage(TwoFactorRoute)} />
          {/* A counselling practice; /practices (plural) are the three habits. */}
          <Route path="/practice" element={signedInPage(CounsellingPracticesRoute)} />
          <Route path="/practice/:practiceId" element={signedInPage(CounsellingPracticeRoute)} />
          <Route path="/practice/join/:invitationId" element={publicPage(PracticeInviteRoute)} />
          <Route path="/practice/:practiceId/clients" element={signedInPage(ClientDashboardRoute)} />
          <Route path="/practice/:practiceId/clients/:clientId" element={signedInPage(ClientDetailRoute)} />
          <Route path="/practice/:practiceId/clients/:clientId/report" element={signedInPage(PracticeReportRoute)} />
          <Route path="/practice/:practiceId/psychometrics" element={signedInPage(PracticePsychometricsRoute)} />
          {/* The client's side of counselling: who I share with, and joining by a counsellor's code. */}
          <Route path="/counselling" element={signedInPage(CounsellingRoute)} />
          {/* The directory of practices on this server: anyone may read it; asking needs an account (decisions 054, 055). */}
          <Route path="/directory" element={publicPage(DirectoryRoute)} />
          <Route path="/directory/ask/:practiceId" element={signedInPage(DirectoryAskRoute)} />
          <Route path="/directory/requests" element={signedInPage(DirectoryRequestsRoute)} />
          <Route path="/counselling/join" element={publicPage(CounsellingInviteRoute)} />
          <Route path="*" element={publicPage(NotFoundRoute)} />
        </Route>
      </Routes>
    </BrowserRouter>
  );
}
