import { useParams } from "react-router";
import { ExerciseDetail } from "../../features/practices/components/exercise-detail";

export function PracticeRoute() {
  const { exerciseId = "" } = useParams();
  // A new exercise is a new page: remount so its form starts empty.
  return <ExerciseDetail key={exerciseId} exerciseId={exerciseId} />;
}
