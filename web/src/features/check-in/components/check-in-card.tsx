import { Link } from "react-router";
import { useTranslation } from "react-i18next";
import { readBrowserTimeZone, useCurrentCheckIn } from "../../../lib/api/check-in-api";

/** The home page's reminder: whether this week's check-in is done, and a way in. */
export function CheckInCard() {
  const { t } = useTranslation();
  const current = useCurrentCheckIn(readBrowserTimeZone());
  const isDone = Boolean(current.data?.checkIn);
  return (
    <section aria-labelledby="check-in-card-title" className="card check-in-card">
      <h2 id="check-in-card-title">{t("checkIn.card.title")}</h2>
      {current.data && <p className="muted">{t("checkIn.thisWeek", { week: current.data.week })}</p>}
      <p>{isDone ? t("checkIn.card.done") : t("checkIn.card.todo")}</p>
      <Link className={isDone ? "button button--secondary" : "button button--primary"} to="/check-in">
        {isDone ? t("checkIn.card.edit") : t("checkIn.card.start")}
      </Link>
    </section>
  );
}
