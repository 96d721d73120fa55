import { useState } from "react";
import { Link, Outlet, useNavigate } from "react-router";
import { QuickExitButton } from "../features/safety/quick-exit-button";
import { signOut, useSession, useShellPractices } from "../lib/session";
import { shellText as t } from "../lib/shell-text";
import { SiteNav } from "./site-nav";

/** The frame of every page: skip link, header with help and quick exit, main, footer. */
export function Layout() {
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
      </footer>
    </>
  );
}
