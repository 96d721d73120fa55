export { assessmentRoutes } from "./assessment.routes.js";
export { profileRoutes } from "./profile.routes.js";
export {
  getLatestScoredProfile,
  getOwnLatestScoredProfile,
  getPracticeGuidance,
  hasCompletedProfile,
  listAssessmentsForExport,
  listSafetyChecksOfPeople,
  listScoresOf,
  listScoresOfListedPeople,
  listScoresOfPeople,
  readClientAnswers,
  rebuildAllScoreRows,
  submitAssessment,
  type PeopleQuery,
  type SafetyCheckResult,
  type StoredScoreRow,
  type LatestScoredProfile,
  type OwnLatestScoredProfile,
} from "./assessment.service.js";
export { FLAG_TITLES } from "./profile.presenter.js";
export type { PracticeGuidance } from "./practice-guidance.js";
