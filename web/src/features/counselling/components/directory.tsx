import { useId, useState } from "react";
import { Link } from "react-router";
import { useTranslation } from "react-i18next";
import { Alert } from "../../../components/alert";
import { Loading } from "../../../components/loading";
import {
  DIRECTORY_LANGUAGE_LIST,
  languageName,
  useDirectory,
  type DirectoryEntry,
  type DirectoryFilters,
  type DirectoryLanguage,
} from "../../../lib/api/directory-api";

/**
 * The practices listed on this server, filtered by language, individual or couple, in person or
 * online, and subsidised fees. `onlyIndividual` (from the private safety box) hides couple
 * counselling: asking together is not offered there.
 */
export function Directory({ onlyIndividual = false, initialKind }: { onlyIndividual?: boolean; initialKind?: "individual" | "couple" }) {
  const { t, i18n } = useTranslation();
  const id = useId();
  const [filters, setFilters] = useState<DirectoryFilters>(onlyIndividual ? { kind: "individual" } : initialKind ? { kind: initialKind } : {});
  const directory = useDirectory(filters);
  const set = (change: Partial<DirectoryFilters>) => setFilters((current) => ({ ...current, ...change }));
  return (
    <>
      <form className="card" aria-labelledby={`${id}-filters`} onSubmit={(event) => event.preventDefault()}>
        <h2 id={`${id}-filters`}>{t("counselling.directory.filters")}</h2>
        <div className="field">
          <label className="field__label" htmlFor={`${id}-language`}>
            {t("counselling.directory.language")}
          </label>
          <select
            id={`${id}-language`}
            className="field__input"
            value={filters.language ?? ""}
            onChange={(event) => set({ language: event.target.value === "" ? undefined : (event.target.value as DirectoryLanguage) })}
          >
            <option value="">{t("counselling.directory.any")}</option>
            {DIRECTORY_LANGUAGE_LIST.map((code) => (
              <option key={code} value={code}>
                {languageName(code, i18n.language)}
              </option>
            ))}
          </select>
        </div>
        {!onlyIndividual && (
          <div className="field">
            <label className="field__label" htmlFor={`${id}-kind`}>
              {t("counselling.directory.kind")}
            </label>
            <select
              id={`${id}-kind`}
              className="field__input"
              value={filters.kind ?? ""}
              onChange={(event) => set({ kind: event.target.value === "" ? undefined : (event.target.value as "individual" | "couple") })}
            >
              <option value="">{t("counselling.directory.any")}</option>
              <option value="individual">{t("counselling.directory.individual")}</option>
              <option value="couple">{t("counselling.directory.couple")}</option>
            </select>
          </div>
        )}
        <div className="field">
          <label className="field__label" htmlFor={`${id}-mode`}>
            {t("counselling.directory.mode")}
          </label>
          <select
            id={`${id}-mode`}
            className="field__input"
            value={filters.mode ?? ""}
            onChange={(event) => set({ mode: event.target.value === "" ? undefined : (event.target.value as "in-person" | "online") })}
          >
            <option value="">{t("counselling.directory.any")}</option>
            <option value="in-person">{t("counselling.directory.inPerson")}</option>
            <option value="online">{t("counselling.directory.online")}</option>
          </select>
        </div>
        <div className="checkbox">
          <input
            id={`${id}-subsidised`}
            type="checkbox"
            checked={filters.subsidised === true}
            onChange={(event) => set({ subsidised: event.target.checked || undefined })}
          />
          <label htmlFor={`${id}-subsidised`}>{t("counselling.directory.subsidisedOnly")}</label>
        </div>
      </form>
      {directory.isPending && <Loading />}
      {directory.isError && <Alert tone="error">{t("counselling.directory.loadError")}</Alert>}
      {directory.data && (
        <section aria-labelledby={`${id}-results`} aria-live="polite">
          <h2 id={`${id}-results`}>{t("counselling.directory.results", { count: directory.data.practices.length })}</h2>
          {directory.data.practices.length === 0 ? (
            <p>{t("counselling.directory.none")}</p>
          ) : (
            <ul className="plain-list">
              {directory.data.practices.map((entry) => (
                <DirectoryCard key={entry.practiceId} entry={entry} onlyIndividual={onlyIndividual} />
              ))}
            </ul>
          )}
        </section>
      )}
    </>
  );
}

function DirectoryCard({ entry, onlyIndividual }: { entry: DirectoryEntry; onlyIndividual: boolean }) {
  const { t, i18n } = useTranslation();
  const kinds = [entry.individual && t("counselling.directory.individual"), entry.couple && t("counselling.directory.couple")].filter(Boolean).join(", ");
  const ways = [
    entry.inPersonArea !== null && t("counselling.directory.inPersonIn", { area: entry.inPersonArea }),
    entry.online && t("counselling.directory.online"),
  ]
    .filter(Boolean)
    .join(", ");
  const canAsk = onlyIndividual ? entry.individual : true;
  return (
    <li className="card">
      <h3>{entry.name}</h3>
      <p className="directory-description">{entry.description}</p>
      <dl className="directory-facts">
        <dt>{t("counselling.directory.languages")}</dt>
        <dd>{entry.languages.map((code) => languageName(code, i18n.language)).join(", ")}</dd>
        <dt>{t("counselling.directory.offers")}</dt>
        <dd>{kinds}</dd>
        <dt>{t("counselling.directory.where")}</dt>
        <dd>{ways}</dd>
        <dt>{t("counselling.directory.fees")}</dt>
        <dd>
          {entry.fees}
          {entry.subsidised && ` (${t("counselling.directory.subsidised")})`}
        </dd>
        <dt>{t("counselling.directory.contact")}</dt>
        <dd>
          <a href={entry.contact} rel="noopener noreferrer" target="_blank" className="directory-contact">
            {entry.contact.startsWith("mailto:") ? entry.contact.slice("mailto:".length) : t("counselling.directory.bookingLink")}
          </a>
        </dd>
      </dl>
      {canAsk && (
        <p>
          <Link to={`/directory/ask/${encodeURIComponent(entry.practiceId)}${onlyIndividual ? "?only=individual" : ""}`} className="button">
            {t("counselling.directory.ask", { name: entry.name })}
          </Link>
        </p>
      )}
    </li>
  );
}
