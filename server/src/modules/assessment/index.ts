export { assessmentRoutes } from "./assessment.routes.js";
export { profileRoutes } from "./profile.routes.js";
export { getLatestScoredProfile, getPracticeGuidance, listAssessmentsForExport, type LatestScoredProfile } from "./assessment.service.js";
export { FLAG_TITLES } from "./profile.presenter.js";
export type { PracticeGuidance } from "./practice-guidance.js";
