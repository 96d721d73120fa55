import { useEffect, useId, useRef, useState } from "react";
import { NavLink, useLocation } from "react-router";
import type { PracticesResponse } from "@mutual/core";
import { clientsPathOf, practicePathOf } from "../lib/counsellor-home";
import { useNarrowScreen } from "../lib/narrow-screen";
import { shellText as t, type ShellTextKey } from "../lib/shell-text";

// The main menu (decision 057). It knows the person's roles: practice members get their clients
// first; partners keep their journey. Wide screens show every place in one row (decision 025);
// phones get a tab bar at the bottom with the four most used places and "More" for the rest.

type Place = { to: string; label: ShellTextKey; end?: boolean };

/** The places of the menu, most used first; the first four are the tab bar's. */
export function placesFor(signedIn: boolean, practices: PracticesResponse["practices"] | undefined): Place[] {
  const home: Place = { to: "/", label: "nav.home", end: true };
  if (!signedIn) {
    return [home, { to: "/sign-in", label: "nav.signIn" }, { to: "/sign-up", label: "nav.signUp" }];
  }
  const journey: Place[] = [
    { to: "/check-in", label: "nav.checkIn" },
    { to: "/profile", label: "nav.profile" },
    { to: "/trends", label: "nav.trends" },
    { to: "/practices", label: "nav.habits" },
    { to: "/partner", label: "nav.partner" },
  ];
  const account: Place = { to: "/account", label: "nav.account" };
  const clients = clientsPathOf(practices);
  const practice = practicePathOf(practices);
  if (clients && practice) {
    const [checkIn, profile, ...rest] = journey;
    return [{ to: clients, label: "nav.clients", end: true }, { to: practice, label: "nav.practice", end: true }, home, profile!, checkIn!, ...rest, account];
  }
  return [home, ...journey, account];
}

type Props = { signedIn: boolean; practices: PracticesResponse["practices"] | undefined; onSignOut: () => void; isSigningOut: boolean };

/** The main menu: one row on wide screens, a tab bar with "More" on phones. */
export function SiteNav(props: Props) {
  const isNarrow = useNarrowScreen();
  const places = placesFor(props.signedIn, props.practices);
  return isNarrow ? <TabBar places={places} {...props} /> : <NavRow places={places} {...props} />;
}

function SignOutButton({ onSignOut, isSigningOut }: Pick<Props, "onSignOut" | "isSigningOut">) {
  return (
    <button type="button" className="button button--link" onClick={onSignOut} disabled={isSigningOut}>
      {t("nav.signOut")}
    </button>
  );
}

function NavRow({ places, signedIn, onSignOut, isSigningOut }: Props & { places: Place[] }) {
  return (
    <nav aria-label={t("nav.label")} className="site-nav">
      <ul>
        {places.map((place) => (
          <li key={place.label}>
            <NavLink to={place.to} end={place.end}>
              {t(place.label)}
            </NavLink>
          </li>
        ))}
        {signedIn && (
          <li>
            <SignOutButton onSignOut={onSignOut} isSigningOut={isSigningOut} />
          </li>
        )}
      </ul>
    </nav>
  );
}

/** Four tabs and "More", a disclosure with the other places and Sign out. */
function TabBar({ places, signedIn, onSignOut, isSigningOut }: Props & { places: Place[] }) {
  const location = useLocation();
  // The page the list was opened on: a new page closes it, whichever way the person got there.
  const [openOn, setOpenOn] = useState<string | null>(null);
  const isOpen = openOn === location.pathname;
  const setOpen = (open: boolean) => setOpenOn(open ? location.pathname : null);
  const moreId = useId();
  const moreButton = useRef<HTMLButtonElement>(null);
  const hasMore = signedIn;
  const tabs = hasMore ? places.slice(0, 4) : places;
  const more = hasMore ? places.slice(4) : [];
  const isCurrentInMore = more.some((place) => (place.end ? location.pathname === place.to : location.pathname.startsWith(place.to)));

  useEffect(() => {
    if (!isOpen) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== "Escape") return;
      setOpenOn(null);
      moreButton.current?.focus();
    };
    document.addEventListener("keydown", onKey);
    return () => document.removeEventListener("keydown", onKey);
  }, [isOpen]);

  return (
    <nav aria-label={t("nav.label")} className="tab-bar">
      {hasMore && (
        <div id={moreId} className="tab-bar__more" hidden={!isOpen}>
          <ul>
            {more.map((place) => (
              <li key={place.label}>
                <NavLink to={place.to} end={place.end}>
                  {t(place.label)}
                </NavLink>
              </li>
            ))}
            <li>
              <SignOutButton onSignOut={onSignOut} isSigningOut={isSigningOut} />
            </li>
          </ul>
        </div>
      )}
      <ul className="tab-bar__tabs">
        {tabs.map((place) => (
          <li key={place.label}>
            <NavLink to={place.to} end={place.end}>
              {t(place.label)}
            </NavLink>
          </li>
        ))}
        {hasMore && (
          <li>
            <button
              ref={moreButton}
              type="button"
              className={isCurrentInMore ? "tab-bar__more-button tab-bar__more-button--current" : "tab-bar__more-button"}
              aria-expanded={isOpen}
              aria-controls={moreId}
              onClick={() => setOpen(!isOpen)}
            >
              {t("nav.more")}
            </button>
          </li>
        )}
      </ul>
    </nav>
  );
}
