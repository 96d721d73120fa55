import { useState } from "react";
import { Link, NavLink, Outlet, useNavigate } from "react-router";
import { QuickExitButton } from "../features/safety/quick-exit-button";
import { signOut, useSession } from "../lib/session";
import { shellText as t } from "../lib/shell-text";

/** The frame of every page: skip link, header with help and quick exit, main, footer. */
export function Layout() {
  const me = useSession();
  const [isSigningOut, setSigningOut] = useState(false);
  const navigate = useNavigate();
  const signedIn = Boolean(me.data);

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
        <nav aria-label={t("nav.label")} className="site-nav">
          <ul>
            <li>
              <NavLink to="/" end>
                {t("nav.home")}
              </NavLink>
            </li>
            {signedIn ? (
              <>
                <li>
                  <NavLink to="/profile">{t("nav.profile")}</NavLink>
                </li>
                <li>
                  <NavLink to="/check-in">{t("nav.checkIn")}</NavLink>
                </li>
                <li>
                  <NavLink to="/trends">{t("nav.trends")}</NavLink>
                </li>
                <li>
                  <NavLink to="/practices">{t("nav.practices")}</NavLink>
                </li>
                <li>
                  <NavLink to="/partner">{t("nav.partner")}</NavLink>
                </li>
                <li>
                  <NavLink to="/account">{t("nav.account")}</NavLink>
                </li>
                <li>
                  <button type="button" className="button button--link" onClick={onSignOut} disabled={isSigningOut}>
                    {t("nav.signOut")}
                  </button>
                </li>
              </>
            ) : (
              <>
                <li>
                  <NavLink to="/sign-in">{t("nav.signIn")}</NavLink>
                </li>
                <li>
                  <NavLink to="/sign-up">{t("nav.signUp")}</NavLink>
                </li>
              </>
            )}
          </ul>
        </nav>
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
