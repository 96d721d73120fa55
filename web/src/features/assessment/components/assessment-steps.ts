import type { AssessmentItem, AssessmentSection } from "../../../lib/api/assessment-api";

/** One screen of the flow: a statement, the private notice before the safety check, or the final review. */
export type AssessmentStep =
  { kind: "item"; item: AssessmentItem; section: AssessmentSection["id"]; number: number } | { kind: "safety-intro"; count: number } | { kind: "review" };

/** The screens in order: the person's own item order, the safety notice before the safety check, the review last. */
export function buildSteps(sections: readonly AssessmentSection[]): AssessmentStep[] {
  const steps: AssessmentStep[] = [];
  let number = 0;
  for (const section of sections) {
    if (section.items.length === 0) continue;
    if (section.id === "safety-check") steps.push({ kind: "safety-intro", count: section.items.length });
    for (const item of section.items) {
      number += 1;
      steps.push({ kind: "item", item, section: section.id, number });
    }
  }
  steps.push({ kind: "review" });
  return steps;
}

/** Where a returning person resumes: the first unanswered statement (its notice first, if it opens the safety check), else the review. */
export function findResumeStep(steps: readonly AssessmentStep[], answers: Readonly<Record<string, number>>): number {
  const index = steps.findIndex((step) => step.kind === "item" && answers[step.item.id] === undefined);
  if (index === -1) return steps.length - 1;
  const previous = steps[index - 1];
  return previous?.kind === "safety-intro" ? index - 1 : index;
}
