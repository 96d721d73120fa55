import { lazy, Suspense } from "react";
import { NavLink } from "react-router";
import type { PracticesResponse } from "@mutual/core";
import { counsellorPathsOf } from "../lib/counsellor-home";
import { useNarrowScreen } from "../lib/narrow-screen";
import { loadChunk } from "../lib/reload-on-new-version";
import { useShellText, type ShellTextKey } from "../lib/shell-text";

// The main menu (decision 057). It knows the person's roles: practice members get their clients
// first; partners keep their journey. Wide screens show every place in one row (decision 025);
// phones get a tab bar at the bottom with the four most used places and "More" for the rest.

export type Place = { to: string; label: ShellTextKey; end?: boolean };

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
    // The directory of practices on this server (decision 054): a way to a counsellor from every page.
    { to: "/directory", label: "nav.findCounsellor" },
  ];
  const account: Place = { to: "/account", label: "nav.account" };
  const paths = counsellorPathsOf(practices);
  if (paths) {
    const [checkIn, profile, ...rest] = journey;
    return [
      { to: paths.clients, label: "nav.clients", end: true },
      { to: paths.practice, label: "nav.practice", end: true },
      home,
      profile!,
      checkIn!,
      ...rest,
      account,
    ];
  }
  return [home, ...journey, account];
}

export type Props = { signedIn: boolean; practices: PracticesResponse["practices"] | undefined; onSignOut: () => void; isSigningOut: boolean };

// The tab bar loads on demand, beside the first page, so wide screens never download it and the
// first load stays within its budget (decision 008). Until it arrives, an empty bar holds its place.
const TabBar = lazy(async () => ({ default: (await loadChunk(() => import("./tab-bar"))).TabBar }));

/** The main menu: one row on wide screens, a tab bar with "More" on phones. */
export function SiteNav(props: Props) {
  const isNarrow = useNarrowScreen();
  const places = placesFor(props.signedIn, props.practices);
  if (!isNarrow) return <NavRow places={places} {...props} />;
  return (
    <Suspense fallback={<div className="tab-bar tab-bar--waiting" />}>
      <TabBar places={places} {...props} />
    </Suspense>
  );
}

function SignOutButton({ onSignOut, isSigningOut }: Pick<Props, "onSignOut" | "isSigningOut">) {
  const t = useShellText();
  return (
    <button type="button" className="button button--link" onClick={onSignOut} disabled={isSigningOut}>
      {t("nav.signOut")}
    </button>
  );
}

function NavRow({ places, signedIn, onSignOut, isSigningOut }: Props & { places: Place[] }) {
  const t = useShellText();
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
