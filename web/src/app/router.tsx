import { lazy, Suspense, type ComponentType, type LazyExoticComponent } from "react";
import { BrowserRouter, Route, Routes } from "react-router";
import { loadPageWithProviders } from "./page-loading";
import { Layout } from "./layout";
import { RequireSignIn } from "./require-sign-in";
import { Loading } from "../components/loading";
import { HomeRoute } from "./routes/home";

// Every page but the home page loads on demand, so the first screen downloads only what it
// shows. Declarative routing (BrowserRouter + Routes) rather than a data router keeps about
// 17 KB gzip of router code out of the first load; see docs/decisions/008-first-load-budget.md.

type LazyPage = LazyExoticComponent<ComponentType> & { preload: () => void };

/** A page module's named export as a lazily loaded component, whose loading can start before it renders. */
function lazyPage<Name extends string>(load: () => Promise<Record<Name, ComponentType>>, name: Name): LazyPage {
  let loading: ReturnType<typeof loadPageWithProviders<Record<Name, ComponentType>>> | undefined;
  const start = () =>
    (loading ??= loadPageWithProviders(load).catch((error: unknown) => {
      loading = undefined;
      throw error;
    }));
  const component = lazy(async () => {
    // The page's code, the text of the features it may show, and the query cache arrive together (decisions 043, 061).
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

const SignUpRoute = lazyPage(() => import("./routes/sign-up"), "SignUpRoute");
const SignInRoute = lazyPage(() => import("./routes/sign-in"), "SignInRoute");
const ForgotPasswordRoute = lazyPage(() => import("./routes/forgot-password"), "ForgotPasswordRoute");
const ResetPasswordRoute = lazyPage(() => import("./routes/reset-password"), "ResetPasswordRoute");
const ConfirmEmailRoute = lazyPage(() => import("./routes/confirm-email"), "ConfirmEmailRoute");
const AccountRoute = lazyPage(() => import("./routes/account"), "AccountRoute");
const HelpRoute = lazyPage(() => import("./routes/help"), "HelpRoute");
const HelpCounsellingRoute = lazyPage(() => import("./routes/help-counselling"), "HelpCounsellingRoute");
const ConsentRoute = lazyPage(() => import("./routes/consent"), "ConsentRoute");
const AssessmentRoute = lazyPage(() => import("./routes/assessment"), "AssessmentRoute");
const ProfileRoute = lazyPage(() => import("./routes/profile"), "ProfileRoute");
const ProfileChangeRoute = lazyPage(() => import("./routes/profile-change"), "ProfileChangeRoute");
const CheckInRoute = lazyPage(() => import("./routes/check-in"), "CheckInRoute");
const TrendsRoute = lazyPage(() => import("./routes/trends"), "TrendsRoute");
const PracticesRoute = lazyPage(() => import("./routes/practices"), "PracticesRoute");
const PracticeRoute = lazyPage(() => import("./routes/practice"), "PracticeRoute");
const PartnerRoute = lazyPage(() => import("./routes/partner"), "PartnerRoute");
// Invite links: who invites for someone not signed in, the join page once they are (decision 058).
const PartnerInviteRoute = lazyPage(() => import("./routes/invite-landing"), "PartnerInviteRoute");
const PartnerReportRoute = lazyPage(() => import("./routes/partner-report"), "PartnerReportRoute");
const PartnerCheckInsRoute = lazyPage(() => import("./routes/partner-check-ins"), "PartnerCheckInsRoute");
const PartnerExercisesRoute = lazyPage(() => import("./routes/partner-exercises"), "PartnerExercisesRoute");
const TwoFactorRoute = lazyPage(() => import("./routes/two-factor"), "TwoFactorRoute");
const CounsellingPracticesRoute = lazyPage(() => import("./routes/counselling-practices"), "CounsellingPracticesRoute");
const CounsellingPracticeRoute = lazyPage(() => import("./routes/counselling-practice"), "CounsellingPracticeRoute");
const PracticeInviteRoute = lazyPage(() => import("./routes/invite-landing"), "PracticeInviteRoute");
const CounsellingRoute = lazyPage(() => import("./routes/counselling"), "CounsellingRoute");
const CounsellingInviteRoute = lazyPage(() => import("./routes/invite-landing"), "CounsellingInviteRoute");
const PracticePsychometricsRoute = lazyPage(() => import("./routes/practice-psychometrics"), "PracticePsychometricsRoute");
const PracticeReportRoute = lazyPage(() => import("./routes/practice-report"), "PracticeReportRoute");
const ClientDashboardRoute = lazyPage(() => import("./routes/client-dashboard"), "ClientDashboardRoute");
const ClientDetailRoute = lazyPage(() => import("./routes/client-detail"), "ClientDetailRoute");
const RemindersRoute = lazyPage(() => import("./routes/reminders"), "RemindersRoute");
const DataViewsRoute = lazyPage(() => import("./routes/data-views"), "DataViewsRoute");
const DirectoryRoute = lazyPage(() => import("./routes/directory"), "DirectoryRoute");
const DirectoryAskRoute = lazyPage(() => import("./routes/directory"), "DirectoryAskRoute");
const DirectoryRequestsRoute = lazyPage(() => import("./routes/directory"), "DirectoryRequestsRoute");
const NotFoundRoute = lazyPage(() => import("./routes/not-found"), "NotFoundRoute");

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
