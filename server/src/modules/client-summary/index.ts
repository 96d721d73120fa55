// One stored summary row per client member, for the counsellor's dashboard (decision 018), and one per client for its pages (decision 063).
export {
  SUMMARY_SCORE_COLUMNS,
  clearAllClientSummaries,
  listClientSummaries,
  readClientSummaryPage,
  refreshClientSummariesOfClient,
  refreshClientSummariesOfPerson,
  refreshClientSummaryOfMember,
  type ClientPage,
  type DeteriorationTest,
  type MemberSummary,
  type SummaryScoreColumn,
} from "./client-summary.service.js";
