export { exercisesRoutes } from "./exercises.routes.js";
export { listCompletionsForExport, type ExportedCompletion } from "./exercises.service.js";
