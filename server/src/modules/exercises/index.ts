export { exercisesRoutes } from "./exercises.routes.js";
export {
  listCompletedExercisesOf,
  listReflectionsOf,
  type ExerciseReflection,
  listCompletionsForExport,
  type CompletedExercise,
  type ExportedCompletion,
} from "./exercises.service.js";
