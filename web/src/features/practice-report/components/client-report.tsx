import { useTranslation } from "react-i18next";
import type { ClientDetailMember, ClientDetailResponse, CounsellingScope, ShareableFlagId } from "@mutual/core";
import { Alert } from "../../../components/alert";
import { Button } from "../../../components/button";
import { Loading } from "../../../components/loading";
import { ApiRequestError } from "../../../lib/api-client";
import { useMe } from "../../../lib/api/auth-api";
import { AreaScoresTable } from "../../../components/client/area-scores-table";
import { ChangeTable } from "../../../components/client/change-table";
import { DataTable } from "../../../components/data-table";
import { MemberNotes } from "../../../components/client/member-notes";
import { MemberSafetyCheck } from "../../../components/client/member-safety-check";
import { usePractice } from "../../../lib/api/practice-api";
import { WeMeMapPoints, type LabelledMapPoint } from "../../../components/we-me-map";
import { exportUrls, useClientReport } from "../../../lib/api/report-api";
import "./client-report.css";
import { usePrintMarks } from "./print-marks";
import { TwoFactorRequired, isTwoFactorRequired } from "../../../components/two-factor/two-factor-required";
import { intlLocale } from "../../../lib/language";

/** Scopes whose data may stand on the report's pages for both partners; the others belong to each person's private part. */
const JOINT_SCOPES: readonly CounsellingScope[] = ["profile", "check-ins"];

const CHECK_IN_KEYS = ["wePulse", "mePulse", "spokeUp", "feltHeard", "backedPartner", "feltBacked", "friendsFamilyHours"] as const;
/** Weeks of check-ins in the summary: about a month between sessions. */
const RECENT_WEEKS = 4;

type Profile = NonNullable<ClientDetailMember["profile"]>;
const latestOf = (profile: Profile) => profile.assessments[profile.assessments.length - 1] ?? null;

/**
 * A client's report for their counsellor, laid out for paper: who the client is, the practice
 * and date, pattern and We × Me (with a table), scores by area, change since intake with the
 * norm source, flags, recent check-ins, each only as far as the client shares it; then, on pages of
 * their own, each person's private part: their safety check and their notes and reflections, which
 * never stand on a page that may be shown to both partners (decision 038).
 */
export function ClientReport({ practiceId, clientId }: { practiceId: string; clientId: string }) {
  const report = useClientReport(practiceId, clientId);
  const practice = usePractice(practiceId);
  if (report.isPending) return <Loading />;
  if (report.isError) return <ReportError error={report.error} />;
  return <ReportBody detail={report.data} practiceName={practice.data?.practice.name ?? ""} urls={exportUrls(practiceId, clientId)} />;
}

function ReportError({ error }: { error: unknown }) {
  const { t } = useTranslation();
  if (isTwoFactorRequired(error)) return <TwoFactorRequired message={t("practiceReport.twoFactor")} linkLabel={t("practiceReport.twoFactorLink")} />;
  if (error instanceof ApiRequestError && error.status === 404) return <Alert tone="info">{t("practiceReport.notFound")}</Alert>;
  return <Alert tone="error">{t("practiceReport.loadError")}</Alert>;
}

function ReportBody({ detail, practiceName, urls }: { detail: ClientDetailResponse; practiceName: string; urls: { fhir: string; csv: string } }) {
  const { t, i18n } = useTranslation();
  // The signed-in counsellor prepares the report; a printed copy should say who.
  const counsellorName = useMe().data?.name;
  // The page number goes where the translation puts it: split around a marker no text contains.
  const [pageBefore = "", pageAfter = ""] = t("practiceReport.markPage", { n: "\u0000" }).split("\u0000");
  usePrintMarks({ top: t("practiceReport.markConfidential"), bottom: t("practiceReport.markNotDiagnosis"), page: [pageBefore, pageAfter] });
  const date = (iso: string) => new Intl.DateTimeFormat(intlLocale(i18n.language), { dateStyle: "medium" }).format(new Date(iso));
  const names = new Intl.ListFormat(intlLocale(i18n.language), { type: "conjunction" }).format(detail.members.map((member) => member.name));
  const points: LabelledMapPoint[] = detail.members.flatMap((member) => {
    const latest = member.profile ? latestOf(member.profile) : null;
    return latest && latest.scores.WE !== null && latest.scores.ME !== null && latest.pattern !== null
      ? [{ label: member.name, we: latest.scores.WE, me: latest.scores.ME, pattern: latest.pattern }]
      : [];
  });
  return (
    <article className="client-report" aria-labelledby="client-report-name">
      <header className="client-report__header">
        <p className="client-report__marks">
          <strong>{t("practiceReport.markConfidential")}</strong> {t("practiceReport.markNotDiagnosis")}
        </p>
        <p className="client-report__name" id="client-report-name">
          {names}
        </p>
        <p>{t(`practiceReport.${detail.kind}`)}</p>
        {practiceName && <p>{t("practiceReport.practice", { name: practiceName })}</p>}
        <p>
          {counsellorName
            ? t("practiceReport.preparedBy", { name: counsellorName, date: date(new Date().toISOString()) })
            : t("practiceReport.preparedOn", { date: date(new Date().toISOString()) })}
        </p>
        <div className="client-report__actions">
          <Button onClick={printWhenFontsAreReady}>{t("practiceReport.print")}</Button>
          <p className="client-report__hint">{t("practiceReport.printHint")}</p>
          <p>
            {t("practiceReport.downloads")}: <a href={urls.fhir}>{t("practiceReport.downloadFhir")}</a> ·{" "}
            <a href={urls.csv}>{t("practiceReport.downloadCsv")}</a>
          </p>
        </div>
      </header>

      <section className="client-report__section" aria-labelledby="report-shares">
        <h2 id="report-shares">{t("practiceReport.sharesTitle")}</h2>
        <ul>
          {detail.members.map((member) => {
            // What one shares alone with the counsellor (safety check, notes) is said in their private part only.
            const joint = member.scopes.filter((scope) => JOINT_SCOPES.includes(scope));
            return (
              <li key={member.name + member.since}>
                {joint.length > 0
                  ? t("practiceReport.shares", {
                      name: member.name,
                      scopes: joint.map((scope) => t(`practiceReport.scopes.${scope}`)).join(", "),
                      date: date(member.since),
                    })
                  : t("practiceReport.sharesNothing", { name: member.name, date: date(member.since) })}
              </li>
            );
          })}
        </ul>
      </section>

      <section className="client-report__section" aria-labelledby="report-map">
        <h2 id="report-map">{t("practiceReport.mapTitle")}</h2>
        {points.length > 0 ? (
          <WeMeMapPoints points={points} caption={t("practiceReport.mapCaption")} band={detail.mapBand} />
        ) : (
          <p>{t("practiceReport.noProfile")}</p>
        )}
      </section>

      <section className="client-report__section" aria-labelledby="report-areas">
        <h2 id="report-areas">{t("practiceReport.dimensionsTitle")}</h2>
        <AreaScores members={detail.members} date={date} />
      </section>

      <section className="client-report__section" aria-labelledby="report-change">
        <h2 id="report-change">{t("practiceReport.changeTitle")}</h2>
        <p>{t(`practiceReport.normSource.${detail.normSource}`)}</p>
        {detail.members.map((member) => (
          <MemberChange key={member.name + member.since} member={member} date={date} />
        ))}
      </section>

      <section className="client-report__section" aria-labelledby="report-flags">
        <h2 id="report-flags">{t("practiceReport.flagsTitle")}</h2>
        {detail.members.map((member) => (
          <MemberFlags key={member.name + member.since} member={member} date={date} />
        ))}
      </section>

      <section className="client-report__section" aria-labelledby="report-check-ins">
        <h2 id="report-check-ins">{t("practiceReport.checkInsTitle")}</h2>
        {detail.members.map((member) => (
          <MemberCheckIns key={member.name + member.since} member={member} date={date} />
        ))}
      </section>

      {detail.members.map((member, index) => (
        <PrivatePart key={member.name + member.since} member={member} date={date} headingId={`report-private-${index}`} />
      ))}
    </article>
  );
}

type DateFormat = (iso: string) => string;

/**
 * One person's private part, starting a new printed page: for the counsellor's own use, never for a
 * joint session, and never beside the other partner's private part on one page.
 */
function PrivatePart({ member, date, headingId }: { member: ClientDetailMember; date: DateFormat; headingId: string }) {
  const { t } = useTranslation();
  const privateScopes = member.scopes.filter((scope) => !JOINT_SCOPES.includes(scope));
  return (
    <section className="client-report__section client-report__private" aria-labelledby={headingId}>
      <h2 id={headingId}>{t("practiceReport.privateTitle", { name: member.name })}</h2>
      <p className="client-report__private-note">{t("practiceReport.privateNote", { name: member.name })}</p>
      <p>
        {privateScopes.length > 0
          ? t("practiceReport.privateShares", { name: member.name, scopes: privateScopes.map((scope) => t(`practiceReport.scopes.${scope}`)).join(", ") })
          : t("practiceReport.privateSharesNothing", { name: member.name })}
      </p>
      <h3>{t("clientDashboard.safetyCheck.title")}</h3>
      <MemberSafetyCheck member={member} date={date} />
      <h3>{t("clientDashboard.notes.title")}</h3>
      <MemberNotes member={member} date={date} headingLevel={4} />
    </section>
  );
}

function AreaScores({ members, date }: { members: readonly ClientDetailMember[]; date: DateFormat }) {
  const { t } = useTranslation();
  const columns = members.flatMap((member) => {
    const latest = member.profile ? latestOf(member.profile) : null;
    return latest ? [{ member, latest }] : [];
  });
  if (columns.length === 0) return <p>{t("practiceReport.noProfile")}</p>;
  return (
    <AreaScoresTable
      caption={t("practiceReport.dimensionsCaption")}
      columns={columns.map(({ member, latest }) => ({
        key: member.name + member.since,
        heading: t("practiceReport.profileOf", { name: member.name, date: date(latest.completedAt) }),
        scores: latest.scores,
      }))}
      className="client-report__table"
      scroll
    />
  );
}

function MemberChange({ member, date }: { member: ClientDetailMember; date: DateFormat }) {
  const { t } = useTranslation();
  if (!member.profile) return <p>{t("practiceReport.notShared", { name: member.name })}</p>;
  const change = member.profile.change;
  if (!change) return <p>{`${member.name}: ${t("practiceReport.changeNone")}`}</p>;
  return <ChangeTable name={member.name} change={change} date={date} className="client-report__table" scroll />;
}

function MemberFlags({ member, date }: { member: ClientDetailMember; date: DateFormat }) {
  const { t } = useTranslation();
  if (!member.profile) return <p>{t("practiceReport.notShared", { name: member.name })}</p>;
  const present = member.profile.flagHistory.filter((flag) => flag.present);
  return (
    <div className="client-report__member">
      <h3>{member.name}</h3>
      {present.length === 0 ? (
        <p>{t("practiceReport.flagsNone")}</p>
      ) : (
        <ul>
          {present.map((flag) => (
            <li key={flag.id}>
              {t("practiceReport.flagSince", { flag: t(`practiceReport.flags.${flag.id satisfies ShareableFlagId}`), first: date(flag.firstSeenAt) })}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

function MemberCheckIns({ member, date }: { member: ClientDetailMember; date: DateFormat }) {
  const { t } = useTranslation();
  if (!member.checkIns) return <p>{t("practiceReport.notShared", { name: member.name })}</p>;
  const recent = member.checkIns.weeks.slice(-RECENT_WEEKS);
  return (
    <div className="client-report__member">
      <h3>{member.name}</h3>
      {member.checkIns.lastAt && <p>{t("practiceReport.lastCheckIn", { date: date(member.checkIns.lastAt) })}</p>}
      {member.checkIns.overdue && <p>{t("practiceReport.overdue")}</p>}
      {member.checkIns.signals.map((signal) => (
        <p key={signal.id}>
          <strong>{signal.title}.</strong> {signal.explanation}
        </p>
      ))}
      {recent.length === 0 ? (
        <p>{t("practiceReport.checkInsNone")}</p>
      ) : (
        <DataTable caption={t("practiceReport.checkInsCaption", { name: member.name })} className="client-report__table" dense>
          <thead>
            <tr>
              <th scope="col">{t("practiceReport.week")}</th>
              {CHECK_IN_KEYS.map((key) => (
                <th key={key} scope="col">
                  {t(`practiceReport.checkInKeys.${key}`)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {recent.map((week) => (
              <tr key={week.week}>
                <th scope="row">{week.week}</th>
                {CHECK_IN_KEYS.map((key) => (
                  <td key={key}>{week.answers[key] ?? "–"}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </DataTable>
      )}
    </div>
  );
}

/**
 * Prints once the page's fonts have arrived: a Tamil or Chinese page whose font is still on its way
 * (decision 079) would otherwise be printed in a fallback that may show boxes.
 */
function printWhenFontsAreReady(): void {
  const fonts = "fonts" in document ? document.fonts.ready : Promise.resolve();
  void fonts.then(() => window.print());
}
