import type { Migration } from "kysely";
import * as authTables from "./20261124T0100_auth-tables.js";
import * as signInFailures from "./20261124T0200_sign-in-failures.js";
import * as assessments from "./20261124T1000_assessments.js";
import * as checkIns from "./20261124T1100_check-ins.js";
import * as idempotencyFingerprint from "./20261124T1200_idempotency-fingerprint.js";
import * as couples from "./20261124T1300_couples.js";
import * as practicesAndTwoFactor from "./20261124T1400_practices-and-two-factor.js";
import * as counsellingClients from "./20261124T1500_counselling-clients.js";
import * as readModels from "./20261124T1600_read-models.js";
import * as clientFollowUp from "./20261124T1700_client-follow-up.js";
import * as clientMemberSummary from "./20261124T1800_client-member-summary.js";
import * as jobRun from "./20261124T1900_job-run.js";
import * as packedAnswers from "./20261124T2000_packed-answers.js";
import * as deploymentNorms from "./20261124T2100_deployment-norms.js";
import * as confirmEarlierAccounts from "./20261124T2200_confirm-earlier-accounts.js";
import * as confirmAccountsWithContent from "./20261207T0100_confirm-accounts-with-content.js";
import * as readinessProbe from "./20261207T0200_readiness-probe.js";
import * as dataKeyByKeyId from "./20261207T0300_data-key-by-key-id.js";
import * as clearPersonImages from "./20261207T1100_clear-person-images.js";
import * as safetyCheckAndPulseDecline from "./20261207T1600_safety-check-and-pulse-decline.js";
import * as personPreference from "./20261207T1610_person-preference.js";
import * as pagedClientLists from "./20261207T3000_paged-client-lists.js";
import * as remindersAndOutbox from "./20261207T4000_reminders-and-outbox.js";
import * as clientRequests from "./20261207T4100_client-requests.js";
import * as directoryAndCounsellingRequests from "./20261208T1000_directory-and-counselling-requests.js";
import * as pushSubscriptions from "./20261208T3000_push-subscriptions.js";
import * as clientSummary from "./20261208T4000_client-summary.js";
import * as dataViewSittings from "./20261208T4100_data-view-sittings.js";
import * as userNameIndex from "./20261209T1000_user-name-index.js";
import * as pushDeliveries from "./20261209T2000_push-deliveries.js";
import * as personLanguage from "./20261209T3000_person-language.js";
import * as answerLanguage from "./20261210T0900_answer-language.js";
import * as clientOffTrackVerdict from "./20261210T1000_client-off-track-verdict.js";
import * as normsByLanguage from "./20261210T5000_norms-by-language.js";
import * as clientSummaryCounts from "./20261211T1000_client-summary-counts.js";
import * as scoreRowLanguage from "./20261211T2000_score-row-language.js";
import * as clientSummaryOverdueIndex from "./20261212T1000_client-summary-overdue-index.js";

/**
 * Every migration, in order. Listed by hand (not read from the file system) so the
 * compiled server carries its whole history; names are timestamps and never change.
 */
export const migrations: Record<string, Migration> = {
  "20261124T0100_auth-tables": authTables,
  "20261124T0200_sign-in-failures": signInFailures,
  "20261124T1000_assessments": assessments,
  "20261124T1100_check-ins": checkIns,
  "20261124T1200_idempotency-fingerprint": idempotencyFingerprint,
  "20261124T1300_couples": couples,
  "20261124T1400_practices-and-two-factor": practicesAndTwoFactor,
  "20261124T1500_counselling-clients": counsellingClients,
  "20261124T1600_read-models": readModels,
  "20261124T1700_client-follow-up": clientFollowUp,
  "20261124T1800_client-member-summary": clientMemberSummary,
  "20261124T1900_job-run": jobRun,
  "20261124T2000_packed-answers": packedAnswers,
  "20261124T2100_deployment-norms": deploymentNorms,
  "20261124T2200_confirm-earlier-accounts": confirmEarlierAccounts,
  "20261207T0100_confirm-accounts-with-content": confirmAccountsWithContent,
  "20261207T0200_readiness-probe": readinessProbe,
  "20261207T0300_data-key-by-key-id": dataKeyByKeyId,
  "20261207T1100_clear-person-images": clearPersonImages,
  "20261207T1600_safety-check-and-pulse-decline": safetyCheckAndPulseDecline,
  "20261207T1610_person-preference": personPreference,
  "20261207T3000_paged-client-lists": pagedClientLists,
  "20261207T4000_reminders-and-outbox": remindersAndOutbox,
  "20261207T4100_client-requests": clientRequests,
  "20261208T1000_directory-and-counselling-requests": directoryAndCounsellingRequests,
  "20261208T3000_push-subscriptions": pushSubscriptions,
  "20261208T4000_client-summary": clientSummary,
  "20261208T4100_data-view-sittings": dataViewSittings,
  "20261209T1000_user-name-index": userNameIndex,
  "20261209T2000_push-deliveries": pushDeliveries,
  "20261209T3000_person-language": personLanguage,
  "20261210T0900_answer-language": answerLanguage,
  "20261210T1000_client-off-track-verdict": clientOffTrackVerdict,
  "20261210T5000_norms-by-language": normsByLanguage,
  "20261211T1000_client-summary-counts": clientSummaryCounts,
  "20261211T2000_score-row-language": scoreRowLanguage,
  "20261212T1000_client-summary-overdue-index": clientSummaryOverdueIndex,
};
