// The instrument on a practice's own clients (decision 017). The dashboard asks getPracticeNorms
// which reliability and SD reliable change should use, and says which it used (normSource).
export { practicePsychometricsRoutes } from "./practice-psychometrics.routes.js";
export { getPracticeNorms, type PracticeNorms, type PracticeNormsOptions } from "./practice-psychometrics.service.js";
// The same withholding rules for the deployment-wide figures (decision 022).
export { presentPracticePsychometrics } from "./practice-psychometrics.presenter.js";
export { normSourceOf } from "./practice-psychometrics.policy.js";
