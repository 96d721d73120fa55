export { helpRoutes } from "./help.routes.js";
export { HelpResourcesFileError, defaultHelpResourcesPath, loadHelpResources } from "./help-resources.file.js";
