import { useEffect, useId, useRef, useState } from "react";
import { NavLink, useLocation } from "react-router";
import { useShellText } from "../lib/shell-text";
import type { Place, Props } from "./site-nav";

// The phone's menu (decision 057), loaded on demand by site-nav.tsx.

/** Four tabs and "More", a disclosure with the other places and Sign out. */
export function TabBar({ places, signedIn, onSignOut, isSigningOut }: Props & { places: Place[] }) {
  const t = useShellText();
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

function SignOutButton({ onSignOut, isSigningOut }: Pick<Props, "onSignOut" | "isSigningOut">) {
  const t = useShellText();
  return (
    <button type="button" className="button button--link" onClick={onSignOut} disabled={isSigningOut}>
      {t("nav.signOut")}
    </button>
  );
}
