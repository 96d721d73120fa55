import type { ReactNode } from "react";
import { Link, useSearchParams } from "react-router";
import { useTranslation } from "react-i18next";
import {
  COUNSELLOR_FLAG_IDS,
  DASHBOARD_SORTS,
  OVERDUE_AFTER_DAYS,
  type CounsellorFlagId,
  type DashboardMember,
  type DashboardRow,
  type DashboardSort,
} from "@mutual/core";
import { Alert } from "../../../components/alert";
import { Button } from "../../../components/button";
import { Loading } from "../../../components/loading";
import { DataTable } from "../../../components/data-table";
import { Badge, EmptyState, Pagination } from "../../../components/data-display";
import { CheckboxField, FilterBar, SelectField } from "../../../components/form-controls";
import { ApiRequestError } from "../../../lib/api-client";
import { useDashboard, type DashboardView } from "../api/dashboard-api";
import { ChangeSummary } from "./change-summary";
import "./client-dashboard.css";
import { TwoFactorRequired, isTwoFactorRequired } from "../../../components/two-factor/two-factor-required";
import { intlLocale } from "../../../lib/language";

const SORT_COLUMN: Record<DashboardSort, "client" | "we" | "me" | "lastCheckIn" | "alerts"> = {
  name: "client",
  we: "we",
  me: "me",
  lastCheckIn: "lastCheckIn",
  offTrack: "alerts",
};

const isSort = (value: string | null): value is DashboardSort => (DASHBOARD_SORTS as readonly string[]).includes(value ?? "");
const isFlag = (value: string | null): value is CounsellorFlagId => (COUNSELLOR_FLAG_IDS as readonly string[]).includes(value ?? "");

/** The view the address asks for; anything malformed falls back to the default. */
export function viewFromSearch(search: URLSearchParams): DashboardView {
  const sort = search.get("sort");
  const flag = search.get("flag");
  const page = Number(search.get("page"));
  return {
    sort: isSort(sort) ? sort : "name",
    order: search.get("order") === "desc" ? "desc" : "asc",
    flag: isFlag(flag) ? flag : null,
    overdue: search.get("overdue") === "true",
    offTrack: search.get("offTrack") === "true",
    page: Number.isInteger(page) && page >= 1 ? page : 1,
  };
}

function searchFromView(view: DashboardView): URLSearchParams {
  const search = new URLSearchParams();
  if (view.sort !== "name") search.set("sort", view.sort);
  if (view.order !== "asc") search.set("order", view.order);
  if (view.flag) search.set("flag", view.flag);
  if (view.overdue) search.set("overdue", "true");
  if (view.offTrack) search.set("offTrack", "true");
  if (view.page !== 1) search.set("page", String(view.page));
  return search;
}

/**
 * The counsellor's dashboard: every client of theirs in the practice, one row each, sorted,
 * filtered and paged by the server from what the address says.
 */
export function ClientDashboard({ practiceId }: { practiceId: string }) {
  const { t, i18n } = useTranslation();
  const [search, setSearch] = useSearchParams();
  const view = viewFromSearch(search);
  const dashboard = useDashboard(practiceId, view);
  // A new sort or filter starts again from the first page.
  const change = (next: Partial<DashboardView>) => setSearch(searchFromView({ ...view, page: 1, ...next }));
  const practicePath = `/practice/${encodeURIComponent(practiceId)}`;

  if (dashboard.isPending) return <Loading />;
  if (dashboard.isError) return <DashboardError error={dashboard.error} retry={() => void dashboard.refetch()} />;

  const data = dashboard.data;
  const filtered = view.flag !== null || view.overdue || view.offTrack;
  if (data.total === 0 && !filtered) {
    return <EmptyState title={t("clientDashboard.empty")} action={<Link to={practicePath}>{t("clientDashboard.emptyLink")}</Link>} />;
  }
  // A filtered count may stop at its cap (decision 090): then more than `total` clients match, so
  // there is a page after the last one counted.
  const counted = Math.max(1, Math.ceil(data.total / data.pageSize));
  const pages = data.totalCapped ? Math.max(counted, view.page) + 1 : counted;
  const shownPages = data.totalCapped ? pages - 1 : pages;
  const totalText = data.totalCapped
    ? t("clientDashboard.totalMoreThan", { number: new Intl.NumberFormat(intlLocale(i18n.language)).format(data.total) })
    : t("clientDashboard.total", { count: data.total });
  return (
    <>
      <p>{t("clientDashboard.intro")}</p>
      <p>{t(`clientDashboard.normSource.${data.normSource}`)}</p>
      <Filters view={view} onChange={change} />
      <p role="status">{totalText}</p>
      {data.total === 0 ? (
        <EmptyState
          title={t("clientDashboard.noMatches")}
          action={
            <Button variant="link" onClick={() => change({ flag: null, overdue: false, offTrack: false })}>
              {t("clientDashboard.clearFilters")}
            </Button>
          }
        />
      ) : (
        <ClientTable
          rows={data.rows}
          view={view}
          practiceId={practiceId}
          onSort={(sort) => change(sort === view.sort ? { order: view.order === "asc" ? "desc" : "asc" } : { sort, order: "asc" })}
        />
      )}
      {data.total > 0 && (
        <Pagination
          label={t("clientDashboard.pagination")}
          page={view.page}
          pages={pages}
          onPage={(page) => setSearch(searchFromView({ ...view, page }))}
          text={{
            previous: t("clientDashboard.previous"),
            next: t("clientDashboard.next"),
            pageOf: data.totalCapped
              ? t("clientDashboard.pageOfMore", { page: view.page, pages: shownPages })
              : t("clientDashboard.pageOf", { page: Math.min(view.page, pages), pages }),
          }}
        />
      )}
      <p>
        <Link to={practicePath}>{t("clientDashboard.backToPractice")}</Link>
      </p>
    </>
  );
}

function DashboardError({ error, retry }: { error: unknown; retry: () => void }) {
  const { t } = useTranslation();
  if (isTwoFactorRequired(error)) return <TwoFactorRequired message={t("clientDashboard.twoFactor")} linkLabel={t("clientDashboard.twoFactorLink")} />;
  if (error instanceof ApiRequestError && error.status === 404) return <Alert tone="info">{t("clientDashboard.notFound")}</Alert>;
  return (
    <Alert tone="error">
      <p className="alert__text">{t("clientDashboard.loadError")}</p>
      <Button variant="secondary" onClick={retry}>
        {t("clientDashboard.retry")}
      </Button>
    </Alert>
  );
}

function Filters({ view, onChange }: { view: DashboardView; onChange: (next: Partial<DashboardView>) => void }) {
  const { t } = useTranslation();
  const flagOptions = [
    { value: "", label: t("clientDashboard.filters.anyFlag") },
    ...COUNSELLOR_FLAG_IDS.map((flag) => ({ value: flag, label: t(`clientDashboard.flags.${flag}`) })),
  ];
  return (
    <FilterBar legend={t("clientDashboard.filters.legend")}>
      <SelectField
        label={t("clientDashboard.filters.flag")}
        value={view.flag ?? ""}
        options={flagOptions}
        onChange={(value) => onChange({ flag: value === "" ? null : (value as CounsellorFlagId) })}
      />
      <CheckboxField label={t("clientDashboard.filters.overdue")} checked={view.overdue} onChange={(overdue) => onChange({ overdue })} />
      <CheckboxField label={t("clientDashboard.filters.offTrack")} checked={view.offTrack} onChange={(offTrack) => onChange({ offTrack })} />
    </FilterBar>
  );
}

function SortHeader({ sort, view, onSort }: { sort: DashboardSort; view: DashboardView; onSort: (sort: DashboardSort) => void }) {
  const { t } = useTranslation();
  const column = t(`clientDashboard.columns.${SORT_COLUMN[sort]}`);
  const current = view.sort === sort;
  return (
    <th scope="col" aria-sort={current ? (view.order === "asc" ? "ascending" : "descending") : "none"}>
      <button type="button" className="sort-button" onClick={() => onSort(sort)} title={t("clientDashboard.sortBy", { column })}>
        {column}
        {current && <span aria-hidden="true">{view.order === "asc" ? " ▲" : " ▼"}</span>}
      </button>
    </th>
  );
}

function ClientTable({
  rows,
  view,
  practiceId,
  onSort,
}: {
  rows: readonly DashboardRow[];
  view: DashboardView;
  practiceId: string;
  onSort: (sort: DashboardSort) => void;
}) {
  const { t } = useTranslation();
  const caption = t("clientDashboard.caption");
  return (
    <DataTable caption={caption} className="client-dashboard" dense>
      <thead>
        <tr>
          <SortHeader sort="name" view={view} onSort={onSort} />
          <th scope="col">{t("clientDashboard.columns.pattern")}</th>
          <SortHeader sort="we" view={view} onSort={onSort} />
          <SortHeader sort="me" view={view} onSort={onSort} />
          <th scope="col">{t("clientDashboard.columns.flags")}</th>
          <th scope="col">{t("clientDashboard.columns.change")}</th>
          <SortHeader sort="lastCheckIn" view={view} onSort={onSort} />
          <SortHeader sort="offTrack" view={view} onSort={onSort} />
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <ClientRow key={row.clientId} row={row} practiceId={practiceId} />
        ))}
      </tbody>
    </DataTable>
  );
}

/** One value per member: plain for one person, "Name: value" for each partner of a couple. */
function PerMember({ members, render }: { members: readonly DashboardMember[]; render: (member: DashboardMember) => ReactNode }) {
  const { t } = useTranslation();
  if (members.length === 1 && members[0]) return <>{render(members[0])}</>;
  return (
    <ul className="per-member">
      {members.map((member, index) => (
        <li key={`${member.name}-${index}`}>
          {t("clientDashboard.memberLabel", { name: member.name })} {render(member)}
        </li>
      ))}
    </ul>
  );
}

function ClientRow({ row, practiceId }: { row: DashboardRow; practiceId: string }) {
  const { t, i18n } = useTranslation();
  const date = (iso: string) => new Intl.DateTimeFormat(intlLocale(i18n.language), { dateStyle: "medium" }).format(new Date(iso));
  const score = (value: number | null) => (value === null ? t("clientDashboard.noValue") : String(Math.round(value)));
  const latest = (member: DashboardMember, show: (latest: NonNullable<NonNullable<DashboardMember["profile"]>["latest"]>) => ReactNode) =>
    member.profile === null ? t("clientDashboard.notShared") : member.profile.latest === null ? t("clientDashboard.noProfileYet") : show(member.profile.latest);
  const sharesCheckIns = row.members.some((member) => member.checkIns !== null);
  return (
    <tr>
      <th scope="row">
        <Link to={`/practice/${encodeURIComponent(practiceId)}/clients/${encodeURIComponent(row.clientId)}`}>{row.name}</Link>
        <br />
        <span className="muted">{t(`clientDashboard.kinds.${row.kind}`)}</span>
      </th>
      <td>
        <PerMember
          members={row.members}
          render={(member) => latest(member, (profile) => (profile.pattern ? t(`profile.patterns.${profile.pattern}`) : t("clientDashboard.noValue")))}
        />
      </td>
      <td>
        <PerMember members={row.members} render={(member) => latest(member, (profile) => score(profile.we))} />
      </td>
      <td>
        <PerMember members={row.members} render={(member) => latest(member, (profile) => score(profile.me))} />
      </td>
      <td>
        <PerMember
          members={row.members}
          render={(member) =>
            latest(member, (profile) =>
              profile.flags.length === 0 ? (
                t("clientDashboard.noFlags")
              ) : (
                <ul className="dashboard-flags">
                  {profile.flags.map((flag) => (
                    <li key={flag}>{t(`clientDashboard.flags.${flag}`)}</li>
                  ))}
                </ul>
              ),
            )
          }
        />
      </td>
      <td>
        <PerMember
          members={row.members}
          render={(member) =>
            member.profile === null ? (
              t("clientDashboard.notShared")
            ) : member.profile.change === null ? (
              t("clientDashboard.changeNotYet")
            ) : (
              <ChangeSummary scores={member.profile.change.scores} />
            )
          }
        />
      </td>
      <td>{!sharesCheckIns ? t("clientDashboard.notShared") : row.lastCheckInAt ? date(row.lastCheckInAt) : t("clientDashboard.noCheckInYet")}</td>
      <td>
        {row.overdue || row.offTrack ? (
          <ul className="dashboard-alerts">
            {row.overdue && (
              <li>
                <Badge tone="info">{t("clientDashboard.overdue")}</Badge> {t("clientDashboard.overdueText", { days: OVERDUE_AFTER_DAYS })}
              </li>
            )}
            {row.offTrack && (
              <li>
                <Badge tone="attention">{t("clientDashboard.offTrack")}</Badge>{" "}
                {row.offTrackReasons.map((reason) => t(`clientDashboard.offTrackReasons.${reason}`)).join("; ")}
              </li>
            )}
          </ul>
        ) : (
          t("clientDashboard.noAlerts")
        )}
      </td>
    </tr>
  );
}
