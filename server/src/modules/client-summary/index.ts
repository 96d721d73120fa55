// One stored summary row per client member, for the counsellor's dashboard (decision 018).
export {
  SUMMARY_SCORE_COLUMNS,
  clearAllClientSummaries,
  listClientSummaries,
  refreshClientSummariesOfClient,
  refreshClientSummariesOfPerson,
  refreshClientSummaryOfMember,
  type DeteriorationTest,
  type MemberSummary,
  type SummaryScoreColumn,
} from "./client-summary.service.js";
