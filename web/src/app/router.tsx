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
        { path: "*", element: <NotFoundRoute /> },
      ],
    },
  ]);
}
