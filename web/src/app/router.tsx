import type { ComponentType } from "react";
import { createBrowserRouter } from "react-router";
import { Layout } from "./layout";
import { RequireSignIn } from "./require-sign-in";
import { AccountRoute } from "./routes/account";
import { HelpRoute } from "./routes/help";
import { HomeRoute } from "./routes/home";
import { NotFoundRoute } from "./routes/not-found";
import { SignInRoute } from "./routes/sign-in";
import { SignUpRoute } from "./routes/sign-up";

/** Every page of the app. Route components stay thin and compose features. */
export function createAppRouter() {
  return createBrowserRouter([
    {
      element: <Layout />,
      children: [
        { path: "/", element: <HomeRoute /> },
        { path: "/sign-up", element: <SignUpRoute /> },
        { path: "/sign-in", element: <SignInRoute /> },
        {
          path: "/account",
          element: (
            <RequireSignIn>
              <AccountRoute />
            </RequireSignIn>
          ),
        },
        { path: "/help", element: <HelpRoute /> },
        { path: "/consent", lazy: signedInPage(() => import("./routes/consent").then((page) => page.ConsentRoute)) },
        { path: "/assessment", lazy: signedInPage(() => import("./routes/assessment").then((page) => page.AssessmentRoute)) },
        { path: "/profile", lazy: signedInPage(() => import("./routes/profile").then((page) => page.ProfileRoute)) },
        { path: "/profile/change", lazy: signedInPage(() => import("./routes/profile-change").then((page) => page.ProfileChangeRoute)) },
        { path: "/check-in", lazy: signedInPage(() => import("./routes/check-in").then((page) => page.CheckInRoute)) },
        { path: "/trends", lazy: signedInPage(() => import("./routes/trends").then((page) => page.TrendsRoute)) },
        { path: "/practices", lazy: signedInPage(() => import("./routes/practices").then((page) => page.PracticesRoute)) },
        { path: "/practices/:exerciseId", lazy: signedInPage(() => import("./routes/practice").then((page) => page.PracticeRoute)) },
        { path: "*", element: <NotFoundRoute /> },
      ],
    },
  ]);
}

/**
 * A signed-in page whose code loads only when someone opens it, so the first screen
 * downloads no more JavaScript than it needs.
 */
function signedInPage(load: () => Promise<ComponentType>) {
  return async () => {
    const Page = await load();
    return {
      element: (
        <RequireSignIn>
          <Page />
        </RequireSignIn>
      ),
    };
  };
}
