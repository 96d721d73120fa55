import { useTranslation } from "react-i18next";
import { BelowTheFold } from "../../../components/page";
import type { HelpCategory, HelpResource } from "@mutual/core";
import { useHelpResources } from "../api/help-api";
import { dialable } from "./dialable";
import { LoadError } from "../../../components/load-error";
import { intlLocale } from "../../../lib/language";

// Most urgent first: someone in crisis should not have to scroll past counselling. Emergency
// numbers are not repeated here: EmergencyCallout shows them at the top of the page.
const CATEGORY_ORDER: readonly HelpCategory[] = ["suicide-prevention", "family-violence", "mental-health", "counselling"];

function formatDate(isoDate: string, language: string): string {
  const date = new Date(`${isoDate}T00:00:00Z`);
  return Number.isNaN(date.getTime()) ? isoDate : new Intl.DateTimeFormat(intlLocale(language), { dateStyle: "medium", timeZone: "UTC" }).format(date);
}

function ResourceCard({ resource }: { resource: HelpResource }) {
  const { t, i18n } = useTranslation();
  return (
    <li className="help-resource">
      <h3 className="help-resource__name">{resource.name}</h3>
      <p>{resource.description}</p>
      <ul className="help-resource__contacts">
        {resource.phone && (
          <li>
            <a
              className="button button--primary help-resource__call"
              href={`tel:${dialable(resource.phone)}`}
              aria-label={t("help.callLabel", { name: resource.name, phone: resource.phone })}
            >
              {t("help.call", { phone: resource.phone })}
            </a>
          </li>
        )}
        {resource.text && (
          <li>
            {/^[\d+\s()-]+$/.test(resource.text) ? (
              <a href={`sms:${dialable(resource.text)}`} aria-label={t("help.textLabel", { name: resource.name, text: resource.text })}>
                {t("help.text", { text: resource.text })}
              </a>
            ) : (
              t("help.text", { text: resource.text })
            )}
          </li>
        )}
        {resource.website && (
          <li>
            <a href={resource.website} rel="noopener noreferrer" aria-label={t("help.websiteLabel", { name: resource.name })}>
              {t("help.website")}
            </a>
          </li>
        )}
      </ul>
      <p className="help-resource__hours">{t("help.hours", { hours: resource.hours })}</p>
      <p className="help-resource__source muted">{t("help.source", { source: resource.source, date: formatDate(resource.verifiedOn, i18n.language) })}</p>
    </li>
  );
}

/** The help directory from the server, grouped by kind of need, most urgent first (or only the kinds asked for, in their order). */
export function HelpResources({ categories = CATEGORY_ORDER }: { categories?: readonly HelpCategory[] }) {
  const { t, i18n } = useTranslation();
  const resources = useHelpResources();
  if (resources.isPending) {
    return (
      <p className="loading" role="status">
        {t("help.loading")}
      </p>
    );
  }
  if (resources.isError) {
    return (
      <>
        <LoadError message={t("help.loadError")} retryLabel={t("help.retry")} query={resources} />
        <p>{t("help.fallbackSos")}</p>
      </>
    );
  }
  const { region, updatedOn } = resources.data;
  const shown = categories
    .map((category) => ({ category, inCategory: resources.data.resources.filter((resource) => resource.category === category) }))
    .filter(({ inCategory }) => inCategory.length > 0);
  const section = ({ category, inCategory }: (typeof shown)[number]) => (
    <section key={category} aria-labelledby={`help-${category}`} className="help-category">
      <h2 id={`help-${category}`}>{t(`help.categories.${category}`)}</h2>
      <ul className="help-category__list">
        {inCategory.map((resource) => (
          <ResourceCard key={resource.id} resource={resource} />
        ))}
      </ul>
    </section>
  );
  // The most urgent kind of help comes at once; the rest of the list in a task of its own, after it.
  const [first, ...rest] = shown;
  return (
    <>
      {first && section(first)}
      <BelowTheFold>
        {rest.map(section)}
        <p className="muted">{t("help.listUpdated", { region, date: formatDate(updatedOn, i18n.language) })}</p>
      </BelowTheFold>
    </>
  );
}
