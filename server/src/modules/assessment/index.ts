export { assessmentRoutes } from "./assessment.routes.js";
export { profileRoutes } from "./profile.routes.js";
export { getPracticeGuidance, listAssessmentsForExport } from "./assessment.service.js";
export type { PracticeGuidance } from "./practice-guidance.js";
