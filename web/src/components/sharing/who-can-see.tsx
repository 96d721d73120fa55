import { Link } from "react-router";
import { useTranslation } from "react-i18next";
import { audienceOf, isOnlyTheirs, type Audience, type AudienceSubject, type ShareScope } from "@mutual/core";
import { useSharingNow } from "../../lib/api/sharing-api";
import { intlLocale } from "../../lib/language";

/** The partner scopes in the order the partner page lists them (see couple-api's SCOPES). */
const PARTNER_SCOPE_ORDER: readonly ShareScope[] = ["overview", "dimensions", "check-in-trends", "exercises"];

/** "you, Ana (your partner) and Dr Lee (your counsellor at Clear Path)", as one list in the reader's language. */
function useAudienceNames() {
  const { t, i18n } = useTranslation();
  return (audience: Audience): string => {
    const names: string[] = [t("sharing.you")];
    if (audience.partner) {
      // For profile scores a partner may see only part of them: say which.
      const parts =
        audience.subject === "profile-scores"
          ? PARTNER_SCOPE_ORDER.filter((scope) => audience.partner!.scopes.includes(scope)).map((scope) => t(`couple.scopeNames.${scope}`))
          : [];
      names.push(
        parts.length > 0
          ? t("sharing.partnerParts", { name: audience.partner.name, parts: parts.join(", ") })
          : t("sharing.partner", { name: audience.partner.name }),
      );
    }
    for (const counsellor of audience.counsellors) names.push(t("sharing.counsellor", { name: counsellor.name, practice: counsellor.practice }));
    return new Intl.ListFormat(intlLocale(i18n.language), { type: "conjunction" }).format(names);
  };
}

/**
 * One true sentence about who can see this kind of the person's information, worked out from what
 * they share right now (decision 036): "Right now only you can see your check-in notes." or "Right
 * now you and Dr Lee, your counsellor at Clear Path, can see your check-in notes." Nothing is said
 * until it is known; if it cannot be known, the page says where to look instead of guessing.
 */
export function WhoCanSee({ subject, className = "muted", id }: { subject: AudienceSubject; className?: string; id?: string }) {
  const { t } = useTranslation();
  const sharing = useSharingNow();
  const namesOf = useAudienceNames();
  // Its line is kept while it is worked out, so what follows does not move when it appears (decision 061).
  if (sharing.status === "pending")
    return (
      <p className={className} id={id} aria-hidden="true">
        {"\u00a0"}
      </p>
    );
  if (sharing.status === "error")
    return (
      <p className={className} id={id}>
        {t("sharing.unknown")}
      </p>
    );
  const audience = audienceOf(subject, sharing.sharing);
  const what = t(`sharing.what.${subject}`);
  const linked = sharing.sharing.partner !== null;
  return (
    <p className={className} id={id} data-audience={subject}>
      {isOnlyTheirs(audience) ? t("sharing.onlyYou", { what }) : t("sharing.seenBy", { who: namesOf(audience), what })}
      {audience.isNeverForPartner && <> {t("sharing.neverPartner", { what })}</>}
      {linked && !audience.isNeverForPartner && (
        <>
          {" "}
          <Link to="/partner">{t("sharing.changePartner")}</Link>
        </>
      )}
      {sharing.sharing.counsellors.length > 0 && !audience.isNeverForCounsellor && (
        <>
          {" "}
          <Link to="/counselling">{t("sharing.changeCounselling")}</Link>
        </>
      )}
    </p>
  );
}
