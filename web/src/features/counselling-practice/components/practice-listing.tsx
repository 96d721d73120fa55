import { useId, useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { Alert } from "../../../components/alert";
import { Button } from "../../../components/button";
import { Loading } from "../../../components/loading";
import {
  DIRECTORY_LANGUAGE_LIST,
  languageName,
  usePracticeListing,
  usePutListing,
  useRemoveListing,
  type DirectoryLanguage,
  type PutListingBody,
} from "../../../lib/api/directory-api";

type Draft = {
  languages: Set<DirectoryLanguage>;
  individual: boolean;
  couple: boolean;
  inPerson: boolean;
  area: string;
  online: boolean;
  fees: string;
  subsidised: boolean;
  description: string;
  contact: string;
};

const emptyDraft: Draft = {
  languages: new Set(),
  individual: true,
  couple: false,
  inPerson: false,
  area: "",
  online: true,
  fees: "",
  subsidised: false,
  description: "",
  contact: "",
};

/** The practice in the directory (decision 054): its owner lists, changes or unlists it; other members see whether it is listed. */
export function PracticeListing({ practiceId, isOwner }: { practiceId: string; isOwner: boolean }) {
  const { t } = useTranslation();
  const id = useId();
  const listing = usePracticeListing(practiceId);
  return (
    <section aria-labelledby={`${id}-title`} className="card">
      <h2 id={`${id}-title`}>{t("counsellingPractice.listing.title")}</h2>
      {listing.isPending && <Loading />}
      {listing.isError && <Alert tone="error">{t("counsellingPractice.listing.loadError")}</Alert>}
      {listing.data && (
        <>
          <p>{listing.data.listing ? t("counsellingPractice.listing.listed") : t("counsellingPractice.listing.unlisted")}</p>
          {isOwner ? (
            <ListingForm key={listing.data.listing ? "listed" : "unlisted"} practiceId={practiceId} current={listing.data.listing} />
          ) : (
            <p className="muted">{t("counsellingPractice.listing.ownerOnly")}</p>
          )}
        </>
      )}
    </section>
  );
}

function ListingForm({ practiceId, current }: { practiceId: string; current: (PutListingBody & { name: string }) | null }) {
  const { t, i18n } = useTranslation();
  const id = useId();
  const put = usePutListing(practiceId);
  const remove = useRemoveListing(practiceId);
  const [draft, setDraft] = useState<Draft>(() =>
    current
      ? {
          languages: new Set(current.languages),
          individual: current.individual,
          couple: current.couple,
          inPerson: current.inPersonArea !== null,
          area: current.inPersonArea ?? "",
          online: current.online,
          fees: current.fees,
          subsidised: current.subsidised,
          description: current.description,
          contact: current.contact,
        }
      : emptyDraft,
  );
  const change = (patch: Partial<Draft>) => {
    setDraft((before) => ({ ...before, ...patch }));
    put.reset();
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    put.mutate({
      languages: DIRECTORY_LANGUAGE_LIST.filter((code) => draft.languages.has(code)),
      individual: draft.individual,
      couple: draft.couple,
      inPersonArea: draft.inPerson ? draft.area.trim() : null,
      online: draft.online,
      fees: draft.fees.trim(),
      subsidised: draft.subsidised,
      description: draft.description.trim(),
      contact: draft.contact.trim(),
    });
  };
  const checkbox = (key: "individual" | "couple" | "inPerson" | "online" | "subsidised", label: string) => (
    <div className="checkbox">
      <input id={`${id}-${key}`} type="checkbox" checked={draft[key]} onChange={(event) => change({ [key]: event.target.checked })} />
      <label htmlFor={`${id}-${key}`}>{label}</label>
    </div>
  );
  const text = (key: "area" | "fees" | "contact", label: string, maxLength: number, hint?: string) => (
    <div className="field">
      <label className="field__label" htmlFor={`${id}-${key}`}>
        {label}
      </label>
      {hint && (
        <p className="field__hint" id={`${id}-${key}-hint`}>
          {hint}
        </p>
      )}
      <input
        id={`${id}-${key}`}
        className="field__input"
        type={key === "contact" ? "url" : "text"}
        maxLength={maxLength}
        value={draft[key]}
        required
        aria-describedby={hint ? `${id}-${key}-hint` : undefined}
        onChange={(event) => change({ [key]: event.target.value })}
      />
    </div>
  );
  return (
    <form onSubmit={submit}>
      <p>{t("counsellingPractice.listing.public")}</p>
      <fieldset className="field">
        <legend className="field__label">{t("counsellingPractice.listing.languages")}</legend>
        <div className="listing-languages">
          {DIRECTORY_LANGUAGE_LIST.map((code) => (
            <div className="checkbox" key={code}>
              <input
                id={`${id}-lang-${code}`}
                type="checkbox"
                checked={draft.languages.has(code)}
                onChange={() => {
                  const next = new Set(draft.languages);
                  if (next.has(code)) next.delete(code);
                  else next.add(code);
                  change({ languages: next });
                }}
              />
              <label htmlFor={`${id}-lang-${code}`}>{languageName(code, i18n.language)}</label>
            </div>
          ))}
        </div>
      </fieldset>
      <fieldset className="field">
        <legend className="field__label">{t("counsellingPractice.listing.offers")}</legend>
        {checkbox("individual", t("counsellingPractice.listing.individual"))}
        {checkbox("couple", t("counsellingPractice.listing.couple"))}
      </fieldset>
      <fieldset className="field">
        <legend className="field__label">{t("counsellingPractice.listing.ways")}</legend>
        {checkbox("online", t("counsellingPractice.listing.online"))}
        {checkbox("inPerson", t("counsellingPractice.listing.inPerson"))}
      </fieldset>
      {draft.inPerson && text("area", t("counsellingPractice.listing.area"), 100)}
      {text("fees", t("counsellingPractice.listing.fees"), 200)}
      {checkbox("subsidised", t("counsellingPractice.listing.subsidised"))}
      <div className="field">
        <label className="field__label" htmlFor={`${id}-description`}>
          {t("counsellingPractice.listing.description")}
        </label>
        <textarea
          id={`${id}-description`}
          className="field__input field__textarea"
          rows={4}
          maxLength={600}
          required
          value={draft.description}
          onChange={(event) => change({ description: event.target.value })}
        />
      </div>
      {text("contact", t("counsellingPractice.listing.contact"), 300, t("counsellingPractice.listing.contactHint"))}
      {put.isError && <Alert tone="error">{t("counsellingPractice.listing.saveError")}</Alert>}
      {put.isSuccess && <Alert tone="success">{t("counsellingPractice.listing.saved")}</Alert>}
      <div className="actions">
        <Button type="submit" busy={put.isPending}>
          {current ? t("counsellingPractice.listing.update") : t("counsellingPractice.listing.list")}
        </Button>
        {current && (
          <Button type="button" variant="secondary" busy={remove.isPending} onClick={() => remove.mutate()}>
            {t("counsellingPractice.listing.unlist")}
          </Button>
        )}
      </div>
    </form>
  );
}
