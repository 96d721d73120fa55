import { useMemo } from "react";
import { Link } from "react-router";
import { useTranslation } from "react-i18next";
import { COUNSELLING_SCOPES, OVERDUE_AFTER_DAYS, type ClientDetailMember, type ClientDetailResponse } from "@mutual/core";
import { Alert } from "../../../components/alert";
import { Loading } from "../../../components/loading";
import { DataTable } from "../../../components/data-table";
import { Badge } from "../../../components/data-display";
import { ApiRequestError } from "../../../lib/api-client";
import { exportUrls } from "../../../lib/api/report-api";
import { TrendCharts, type ChartKey, type TrendWording } from "../../../components/trends/trend-charts";
import { useClientDetail } from "../api/dashboard-api";
import { AreaScoresTable } from "../../../components/client/area-scores-table";
import { ChangeTable } from "../../../components/client/change-table";
import { MemberNotes } from "../../../components/client/member-notes";
import { MemberSafetyCheck } from "../../../components/client/member-safety-check";
import { MemberAnswers } from "./member-answers";
import "./client-dashboard.css";
import { TwoFactorRequired, isTwoFactorRequired } from "../../../components/two-factor/two-factor-required";
import { intlLocale } from "../../../lib/language";

type DateFormat = (iso: string) => string;

/**
 * One client for their counsellor: who they are, what each person shares, and within that their
 * profiles, real change since intake, flag history, check-ins, notes and reflections; for a couple,
 * the two side by side.
 */
export function ClientDetail({ practiceId, clientId }: { practiceId: string; clientId: string }) {
  const { t } = useTranslation();
  const detail = useClientDetail(practiceId, clientId);
  const dashboardPath = `/practice/${encodeURIComponent(practiceId)}/clients`;
  return (
    <>
      {detail.isPending ? <Loading /> : detail.isError ? <DetailError error={detail.error} /> : <DetailBody detail={detail.data} practiceId={practiceId} />}
      <p>
        <Link to={dashboardPath}>{t("clientDashboard.detail.backToClients")}</Link>
      </p>
    </>
  );
}

function DetailError({ error }: { error: unknown }) {
  const { t } = useTranslation();
  if (isTwoFactorRequired(error)) return <TwoFactorRequired message={t("clientDashboard.twoFactor")} linkLabel={t("clientDashboard.twoFactorLink")} />;
  if (error instanceof ApiRequestError && error.status === 404) return <Alert tone="info">{t("clientDashboard.detail.notFound")}</Alert>;
  return <Alert tone="error">{t("clientDashboard.detail.loadError")}</Alert>;
}

function DetailBody({ detail, practiceId }: { detail: ClientDetailResponse; practiceId: string }) {
  const { t, i18n } = useTranslation();
  const date: DateFormat = (iso) => new Intl.DateTimeFormat(intlLocale(i18n.language), { dateStyle: "medium" }).format(new Date(iso));
  const names = new Intl.ListFormat(intlLocale(i18n.language), { type: "conjunction" }).format(detail.members.map((member) => member.name));
  const urls = exportUrls(practiceId, detail.clientId);
  return (
    <article aria-labelledby="client-detail-name">
      <h2 id="client-detail-name">{names}</h2>
      <p>{t(`clientDashboard.kinds.${detail.kind}`)}</p>
      <Alert tone="info">{t("clientDashboard.detail.audited", { names })}</Alert>
      <p>
        <Link to={`/practice/${encodeURIComponent(practiceId)}/clients/${encodeURIComponent(detail.clientId)}/report`}>
          {t("clientDashboard.detail.report")}
        </Link>
      </p>
      <p>
        {t("clientDashboard.detail.downloads")}: <a href={urls.fhir}>{t("clientDashboard.detail.downloadFhir")}</a> ·{" "}
        <a href={urls.csv}>{t("clientDashboard.detail.downloadCsv")}</a>
      </p>
      <p>{t(`clientDashboard.normSource.${detail.normSource}`)}</p>
      {detail.members.map((member, index) => (
        <MemberSection key={`${member.name}-${index}`} member={member} date={date} />
      ))}
      {detail.coupleReport && <CoupleSection report={detail.coupleReport} members={detail.members} />}
    </article>
  );
}

function MemberSection({ member, date }: { member: ClientDetailMember; date: DateFormat }) {
  const { t } = useTranslation();
  const scopeNames = (scopes: readonly string[]) =>
    scopes.map((scope) => t(`clientDashboard.detail.scopes.${scope as (typeof COUNSELLING_SCOPES)[number]}`)).join(", ");
  const kept = COUNSELLING_SCOPES.filter((scope) => !member.scopes.includes(scope));
  return (
    <section className="card client-detail__member" aria-label={member.name}>
      <h2>{member.name}</h2>
      <p>
        {member.scopes.length > 0
          ? t("clientDashboard.detail.shares", { scopes: scopeNames(member.scopes), date: date(member.since) })
          : t("clientDashboard.detail.sharesNothing", { date: date(member.since) })}
      </p>
      {kept.length > 0 && <p className="muted">{t("clientDashboard.detail.keepsPrivate", { scopes: scopeNames(kept) })}</p>}
      <h3>{t("clientDashboard.detail.profileTitle")}</h3>
      {member.profile ? (
        <MemberProfile member={member} profile={member.profile} date={date} />
      ) : (
        <p>{t("clientDashboard.detail.profileNotShared", { name: member.name })}</p>
      )}
      <section className="client-detail__private" aria-label={t("clientDashboard.safetyCheck.title")}>
        <h3>{t("clientDashboard.safetyCheck.title")}</h3>
        <MemberSafetyCheck member={member} date={date} />
      </section>
      <h3>{t("clientDashboard.detail.checkInsTitle")}</h3>
      {member.checkIns ? (
        <MemberCheckIns name={member.name} checkIns={member.checkIns} date={date} />
      ) : (
        <p>{t("clientDashboard.detail.checkInsNotShared", { name: member.name })}</p>
      )}
      <h3>{t("clientDashboard.notes.title")}</h3>
      <MemberNotes member={member} date={date} headingLevel={4} />
    </section>
  );
}

type Profile = NonNullable<ClientDetailMember["profile"]>;

function MemberProfile({ member, profile, date }: { member: ClientDetailMember; profile: Profile; date: DateFormat }) {
  const { t } = useTranslation();
  const latest = profile.assessments.at(-1);
  if (!latest) return <p>{t("clientDashboard.detail.noProfile", { name: member.name })}</p>;
  const score = (value: number | null) => (value === null ? t("clientDashboard.noValue") : String(Math.round(value)));
  return (
    <>
      <p>{t("clientDashboard.detail.latestOn", { date: date(latest.completedAt) })}</p>
      <p>
        {latest.pattern ? t("clientDashboard.detail.pattern", { pattern: t(`profile.patterns.${latest.pattern}`) }) : t("clientDashboard.detail.noPattern")}
      </p>
      <p>{t("clientDashboard.detail.weMe", { we: score(latest.scores.WE), me: score(latest.scores.ME) })}</p>
      <AreaScoresTable
        caption={t("clientDashboard.detail.scoresCaption", { name: member.name })}
        columns={profile.assessments.map((assessment) => ({
          key: assessment.completedAt,
          heading: t(assessment.isIntake ? "clientDashboard.detail.profileOnIntake" : "clientDashboard.detail.profileOn", {
            date: date(assessment.completedAt),
          }),
          scores: assessment.scores,
        }))}
        scroll
      />
      <h4>{t("clientDashboard.detail.changeTitle")}</h4>
      {profile.change ? <ChangeTable name={member.name} change={profile.change} date={date} scroll /> : <p>{t("clientDashboard.detail.changeNone")}</p>}
      <h4>{t("clientDashboard.detail.flagsTitle")}</h4>
      {profile.flagHistory.length === 0 ? (
        <p>{t("clientDashboard.detail.flagsNone")}</p>
      ) : (
        <ul>
          {profile.flagHistory.map((flag) => (
            <li key={flag.id}>
              {flag.present
                ? t("clientDashboard.detail.flagPresent", { flag: t(`clientDashboard.flags.${flag.id}`), first: date(flag.firstSeenAt) })
                : t("clientDashboard.detail.flagPast", {
                    flag: t(`clientDashboard.flags.${flag.id}`),
                    first: date(flag.firstSeenAt),
                    last: date(flag.lastSeenAt),
                  })}
            </li>
          ))}
        </ul>
      )}
      {profile.latestAnswers && (
        <>
          <h4>{t("clientDashboard.answers.title")}</h4>
          <MemberAnswers name={member.name} answers={profile.latestAnswers} />
        </>
      )}
    </>
  );
}

function MemberCheckIns({ name, checkIns, date }: { name: string; checkIns: NonNullable<ClientDetailMember["checkIns"]>; date: DateFormat }) {
  const { t } = useTranslation();
  const wording: TrendWording = useMemo(() => ({ description: (key: ChartKey) => t(`clientDashboard.detail.chartDescriptions.${key}`, { name }) }), [t, name]);
  return (
    <>
      {checkIns.lastAt && <p>{t("clientDashboard.detail.lastCheckIn", { date: date(checkIns.lastAt) })}</p>}
      {checkIns.overdue && (
        <p>
          <Badge tone="info">{t("clientDashboard.overdue")}</Badge> {t("clientDashboard.detail.overdue", { days: OVERDUE_AFTER_DAYS })}
        </p>
      )}
      {checkIns.signals.length > 0 && (
        <>
          <h4>{t("clientDashboard.detail.signalsTitle")}</h4>
          <ul>
            {checkIns.signals.map((signal) => (
              <li key={signal.id}>
                <strong>{signal.title}</strong> {signal.explanation}{" "}
                {t("clientDashboard.detail.signalPractice", { practice: t(`practices.practice.${signal.practice}.title`) })}
              </li>
            ))}
          </ul>
        </>
      )}
      {checkIns.weeks.length === 0 ? <p>{t("clientDashboard.detail.checkInsNone")}</p> : <TrendCharts weeks={checkIns.weeks} wording={wording} />}
    </>
  );
}

function CoupleSection({ report, members }: { report: NonNullable<ClientDetailResponse["coupleReport"]>; members: readonly ClientDetailMember[] }) {
  const { t, i18n } = useTranslation();
  const [first, second] = members;
  const caption = t("clientDashboard.detail.coupleCaption");
  const score = (value: number | undefined) => (value === undefined ? t("clientDashboard.notShared") : String(Math.round(value)));
  const waitingFor = report.missing.flatMap((gap) => (gap.reason === "no-shared-profile" ? [gap.name] : []));
  const partnerNotJoined = report.missing.some((gap) => gap.reason === "partner-not-joined");
  const noLongerPartners = report.missing.some((gap) => gap.reason === "no-longer-partners");
  const difference = (value: number | undefined) =>
    value === undefined ? t("clientDashboard.noValue") : value > 0 ? `+${Math.round(value)}` : String(Math.round(value));
  return (
    <section className="card client-detail__member" aria-labelledby="client-detail-couple">
      <h2 id="client-detail-couple">{t("clientDashboard.detail.coupleTitle")}</h2>
      <p>{t("clientDashboard.detail.coupleIntro")}</p>
      {waitingFor.length > 0 && (
        <p>
          {t("clientDashboard.detail.coupleMissing", { names: new Intl.ListFormat(intlLocale(i18n.language), { type: "conjunction" }).format(waitingFor) })}
        </p>
      )}
      {partnerNotJoined && <p>{t("clientDashboard.detail.couplePartnerNotJoined")}</p>}
      {noLongerPartners && <p>{t("clientDashboard.detail.coupleNoLongerPartners")}</p>}
      {report.dimensions.length > 0 && (
        <DataTable caption={caption}>
          <thead>
            <tr>
              <th scope="col">{t("clientDashboard.detail.area")}</th>
              <th scope="col">{first?.name}</th>
              <th scope="col">{second?.name}</th>
              <th scope="col">{t("clientDashboard.detail.difference")}</th>
            </tr>
          </thead>
          <tbody>
            {report.dimensions.map((row) => (
              <tr key={row.key}>
                <th scope="row">{t(`profile.changeKeys.${row.key}`)}</th>
                <td>{score(row.a)}</td>
                <td>{score(row.b)}</td>
                <td>
                  {difference(row.difference)}
                  {row.isDifferentExperience && (
                    <>
                      {" "}
                      <Badge>{t("clientDashboard.detail.differentExperience")}</Badge>
                    </>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </DataTable>
      )}
      {report.missing.length === 0 && (
        <>
          <h3>{t("clientDashboard.detail.coupleFlagsTitle")}</h3>
          {report.flags.length === 0 ? (
            <p>{t("clientDashboard.detail.coupleFlagsNone")}</p>
          ) : (
            <ul>
              {report.flags.map((flag, index) => (
                <li key={`${flag.id}-${index}`}>
                  {t("clientDashboard.detail.coupleFlag", {
                    flag: t(`clientDashboard.detail.coupleFlags.${flag.id as "couple-power-imbalance"}`, { defaultValue: flag.id }),
                    severity: t(`clientDashboard.detail.severity.${flag.severity}`),
                  })}
                </li>
              ))}
            </ul>
          )}
        </>
      )}
    </section>
  );
}
