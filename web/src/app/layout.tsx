import { lazy, Suspense, useState } from "react";
import { Link, Outlet, useNavigate } from "react-router";
import { QuickExitButton } from "../features/safety/quick-exit-button";
import { signOut, useSession, useShellPractices } from "../lib/session";
import { useShellText } from "../lib/shell-text";
import { loadChunk } from "../lib/reload-on-new-version";
import { SiteNav } from "./site-nav";

// The language switch (decision 074) loads on demand, off the first load (decision 008): it sits at
// the very end of the page, and the page's language was chosen before the first paint.
const LanguageSwitch = lazy(async () => ({ default: (await loadChunk(() => import("./language-switch"))).LanguageSwitch }));

/** The frame of every page: skip link, header with help and quick exit, main, footer. */
export function Layout() {
  const t = useShellText();
  const me = useSession();
  const [isSigningOut, setSigningOut] = useState(false);
  const navigate = useNavigate();
  const signedIn = Boolean(me.data);
  const practices = useShellPractices(signedIn);

  const onSignOut = () => {
    setSigningOut(true);
    void signOut()
      .catch(() => undefined)
      .finally(() => {
        setSigningOut(false);
        void navigate("/sign-in?signedOut=1", { replace: true });
      });
  };

  return (
    <>
      <a className="skip-link" href="#main">
        {t("app.skipToContent")}
      </a>
      <header className="site-header">
        <div className="site-header__bar">
          <Link to="/" className="site-header__brand">
            {t("app.name")}
          </Link>
          <div className="site-header__safety">
            <Link to="/help" className="button button--help">
              {t("nav.getHelp")}
            </Link>
            <QuickExitButton />
          </div>
        </div>
        <SiteNav signedIn={signedIn} practices={practices?.practices} onSignOut={onSignOut} isSigningOut={isSigningOut} />
      </header>
      <main id="main" className="site-main">
        <Outlet />
      </main>
      <footer className="site-footer">
        <p>{t("app.disclaimer")}</p>
        <Suspense fallback={null}>
          <LanguageSwitch signedIn={signedIn} />
        </Suspense>
      </footer>
    </>
  );
}
