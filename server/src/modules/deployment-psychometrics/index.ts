// The instrument's statistics over every person of the deployment (decision 022): for the
// operator's `npm run psychometrics`, the scale bench, and — stored each round by a scheduled job —
// the reliability and SD that reliable change of everyone's own profile uses. No routes.
export { computeDeploymentPsychometrics, type DeploymentPsychometrics, type DeploymentPsychometricsOptions } from "./deployment-psychometrics.service.js";
export {
  deploymentNormsJob,
  deploymentNormsJobName,
  getDeploymentNorms,
  getDeploymentNormsForChange,
  getDeploymentNormsForLanguage,
  startDeploymentNormsJob,
} from "./deployment-norms.service.js";
