import type { PracticeId } from "../model/flags/flag-types.js";

/** One guided exercise of a practice, as data. */
export type PracticeExercise = {
  id: string;
  practice: PracticeId;
  title: string;
  summary: string;
  /** About how long it takes. */
  minutes: number;
  /** Three to six plain steps. */
  steps: readonly string[];
  reflectionPrompt: string;
  /**
   * True when it asks for a conversation with the partner about something hard. Such
   * exercises are held back while the person's own safety screen has raised a concern.
   */
  isJoint: boolean;
};
