export { exercisesRoutes } from "./exercises.routes.js";
export { listCompletedExercisesOf, listCompletionsForExport, type CompletedExercise, type ExportedCompletion } from "./exercises.service.js";
