import { Link } from "react-router";
import { useTranslation } from "react-i18next";
import { BelowTheFold } from "../../../components/page";
import { Alert } from "../../../components/alert";
import { Loading } from "../../../components/loading";
import { WeMeMapPoints, type LabelledMapPoint } from "../../../components/we-me-map";
import { SCOPES, useCoupleReport, type CoupleReportResponse, type ShareScope } from "../../../lib/api/couple-api";
import { errorCodeOf } from "./format";
import { DataTable } from "../../../components/data-table";
import { Badge } from "../../../components/data-display";
import { COUNSELLING_HELP_PATH } from "../../../lib/paths";
import { FlagCard } from "../../../components/flag-card";
import { LoadError } from "../../../components/load-error";

type Report = CoupleReportResponse;
type DimensionRow = Report["dimensions"][number];
type Cross = NonNullable<Report["crossPerception"]["iBackPartner"]>;

/** Comparisons can sting: this comes before any number, every time the report opens. */
function Framing() {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="report-framing" className="card report-framing">
      <h2 id="report-framing">{t("couple.report.framingTitle")}</h2>
      <p>{t("couple.report.framing1")}</p>
      <p>{t("couple.report.framing2")}</p>
      <p className="muted">{t("couple.report.framingStudy")}</p>
      <p>
        <Link to={COUNSELLING_HELP_PATH}>{t("couple.report.framingHelp")}</Link>
      </p>
    </section>
  );
}

/** The /partner/report page body. */
export function CoupleReport() {
  const { t } = useTranslation();
  const report = useCoupleReport();
  return (
    <>
      <Framing />
      {report.isPending ? (
        <Loading />
      ) : report.isError ? (
        errorCodeOf(report.error) === "NOT_LINKED" ? (
          <Alert tone="info">
            <p className="alert__text">{t("couple.report.notLinked")}</p>
            <Link to="/partner">{t("couple.report.toPartner")}</Link>
          </Alert>
        ) : (
          <LoadError message={t("couple.report.loadError")} retryLabel={t("couple.retry")} query={report} />
        )
      ) : report.data.isReady ? (
        <ReportBody report={report.data} />
      ) : (
        <Waiting report={report.data} />
      )}
      {/* Below the report, once it is here: shown under the loading line, it would be pushed down (decision 061). */}
      {/* After the report's own later parts too (they are asked for first), so it is never pushed down. */}
      {!report.isPending && (
        <BelowTheFold>
          <p>
            <Link to="/partner">{t("couple.backToPartner")}</Link>
          </p>
        </BelowTheFold>
      )}
    </>
  );
}

/** What is still missing before the report can show anything (the server says; it sends none of the partner's scores meanwhile). */
function Waiting({ report }: { report: Report }) {
  const { t } = useTranslation();
  const name = report.partner.name;
  const { missing } = report;
  return (
    <section aria-labelledby="report-waiting" className="card">
      <h2 id="report-waiting">{t("couple.report.waitingTitle")}</h2>
      <p>{t("couple.report.waitingIntro")}</p>
      <ul>
        {missing.myShare && (
          <li>
            {t("couple.report.missingMyShare", { name })} <Link to="/partner">{t("couple.report.chooseShares")}</Link>
          </li>
        )}
        {missing.partnerShare && <li>{t("couple.report.missingPartnerShare", { name })}</li>}
        {missing.myProfile && (
          <li>
            {t("couple.report.missingMyProfile")} <Link to="/assessment">{t("couple.report.takeProfile")}</Link>
          </li>
        )}
        {missing.partnerProfile && <li>{t("couple.report.missingPartnerProfile", { name })}</li>}
      </ul>
    </section>
  );
}

function ReportBody({ report }: { report: Report }) {
  const { t } = useTranslation();
  const name = report.partner.name;
  const scopeList = (scopes: readonly ShareScope[]) => {
    const named = SCOPES.filter((scope) => scopes.includes(scope)).map((scope) => t(`couple.scopeNames.${scope}`));
    return named.length === 0 ? t("couple.report.nothing") : named.join(", ");
  };
  return (
    <>
      <p className="muted">{t("couple.report.sharedNote", { mine: scopeList(report.shared.mine), theirs: scopeList(report.shared.partners), name })}</p>
      <MapSection report={report} />
      <BelowTheFold>
        <DimensionsSection report={report} />
        <CrossSection report={report} />
        <FlagsSection flags={report.flags} />
      </BelowTheFold>
    </>
  );
}

function MapSection({ report }: { report: Report }) {
  const { t } = useTranslation();
  const points: LabelledMapPoint[] = [];
  if (report.map.mine) points.push({ label: t("couple.report.you"), ...report.map.mine });
  if (report.map.partners) points.push({ label: report.partner.name, ...report.map.partners });
  return (
    <section aria-labelledby="report-map" className="card">
      <h2 id="report-map">{t("couple.report.mapTitle")}</h2>
      {report.map.mine && report.map.partners ? (
        <WeMeMapPoints points={points} caption={t("couple.report.mapTitle")} />
      ) : (
        <p>{t("couple.report.mapMissing")}</p>
      )}
    </section>
  );
}

/** How many of the largest differences are shown open, each with its question; the rest are folded. */
const OPEN_DIFFERENCES = 3;

function DimensionsSection({ report }: { report: Report }) {
  const { t } = useTranslation();
  const name = report.partner.name;
  const rows = report.dimensions.filter((row) => row.mine !== null || row.partners !== null);
  // Largest first: a list of nine "different experiences" at once says nothing; three to start with do.
  const different = rows.filter((row) => row.isDifferentExperience).sort((a, b) => Math.abs(b.difference ?? 0) - Math.abs(a.difference ?? 0));
  const first = different.slice(0, OPEN_DIFFERENCES);
  const more = different.slice(OPEN_DIFFERENCES);
  const marked = new Set(first.map((row) => row.code));
  const cell = (value: number | null) => (value === null ? t("couple.report.notShared") : String(Math.round(value)));
  const difference = (value: number | null) => (value === null ? "–" : value > 0 ? `+${Math.round(value)}` : String(Math.round(value)));
  return (
    <section aria-labelledby="report-dimensions" className="card">
      <h2 id="report-dimensions">{t("couple.report.dimensionsTitle")}</h2>
      {rows.length === 0 ? (
        <p>{t("couple.report.dimensionsMissing")}</p>
      ) : (
        <>
          <p>{t("couple.report.dimensionsIntro", { threshold: report.thresholds.differentExperience })}</p>
          <h3>{t("couple.report.differentTitle")}</h3>
          {different.length === 0 ? (
            <p>{t("couple.report.differentNone")}</p>
          ) : (
            <>
              <ConversationStarters rows={first} partnerName={name} />
              {more.length > 0 && (
                <details className="report-more">
                  <summary>{t("couple.report.moreDifferences", { count: more.length })}</summary>
                  <ConversationStarters rows={more} partnerName={name} />
                </details>
              )}
            </>
          )}
          <details className="report-more">
            <summary>{t("couple.report.allAreas")}</summary>
            <DataTable caption={t("couple.report.dimensionsTitle")} className="report-table">
              <thead>
                <tr>
                  <th scope="col">{t("couple.report.colDimension")}</th>
                  <th scope="col">{t("couple.report.colMine")}</th>
                  <th scope="col">{t("couple.report.colPartner", { name })}</th>
                  <th scope="col">{t("couple.report.colDifference")}</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((row) => (
                  <tr key={row.code} className={marked.has(row.code) ? "report-table__different" : undefined}>
                    <th scope="row">
                      {row.name}
                      {marked.has(row.code) && <Badge>{t("couple.report.differentBadge")}</Badge>}
                    </th>
                    <td>{cell(row.mine)}</td>
                    <td>{cell(row.partners)}</td>
                    <td>{difference(row.difference)}</td>
                  </tr>
                ))}
              </tbody>
            </DataTable>
          </details>
        </>
      )}
    </section>
  );
}

function ConversationStarters({ rows, partnerName }: { rows: readonly DimensionRow[]; partnerName: string }) {
  const { t } = useTranslation();
  const score = (value: number | null) => (value === null ? t("couple.report.notShared") : String(Math.round(value)));
  return (
    <ul className="conversation-list">
      {rows.map((row) => (
        <li key={row.code}>
          <h4>{row.name}</h4>
          <p>{t("couple.report.bothScores", { mine: score(row.mine), name: partnerName, theirs: score(row.partners) })}</p>
          <p className="muted">{t("couple.report.questionIntro")}</p>
          <p className="conversation-list__question">{t(`couple.report.questions.${row.code}`)}</p>
        </li>
      ))}
    </ul>
  );
}

function CrossSection({ report }: { report: Report }) {
  const { t } = useTranslation();
  const name = report.partner.name;
  const { iBackPartner, partnerBacksMe } = report.crossPerception;
  const line = (cross: Cross, key: "couple.report.crossMine" | "couple.report.crossTheirs") => (
    <li>
      <p>{t(key, { name, says: Math.round(cross.giverSays), feels: Math.round(cross.receiverFeels) })}</p>
      <p className={cross.isGap ? "cross__gap" : "muted"}>
        {cross.isGap ? t("couple.report.crossGap", { gap: Math.round(Math.abs(cross.gap)) }) : t("couple.report.crossClose")}
      </p>
    </li>
  );
  return (
    <section aria-labelledby="report-cross" className="card">
      <h2 id="report-cross">{t("couple.report.crossTitle")}</h2>
      {!iBackPartner && !partnerBacksMe ? (
        <p>{t("couple.report.crossMissing")}</p>
      ) : (
        <>
          <p>{t("couple.report.crossIntro", { threshold: report.thresholds.crossPerceptionGap })}</p>
          <ul className="cross-list">
            {iBackPartner && line(iBackPartner, "couple.report.crossMine")}
            {partnerBacksMe && line(partnerBacksMe, "couple.report.crossTheirs")}
          </ul>
        </>
      )}
    </section>
  );
}

function FlagsSection({ flags }: { flags: Report["flags"] }) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="report-flags" className="card">
      <h2 id="report-flags">{t("couple.report.flagsTitle")}</h2>
      {flags.length === 0 ? (
        <p>{t("couple.report.flagsNone")}</p>
      ) : (
        <>
          <p className="muted">{t("couple.report.flagsIntro")}</p>
          <ul className="flag-list">
            {flags.map((flag, index) => (
              // One flag id can appear twice (a support gap in each direction).
              <FlagCard
                key={`${flag.id}-${index}`}
                title={flag.title}
                severity={flag.severity}
                explanation={flag.explanation}
                practiceLink={
                  <Link to={`/practices#practice-${flag.practice}`}>
                    {t("profile.flagPractice", { practice: t(`profile.practiceNames.${flag.practice}`) })}
                  </Link>
                }
                counsellingText={flag.counselling !== "none" ? t(`profile.counselling.${flag.counselling}`) : undefined}
              />
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
