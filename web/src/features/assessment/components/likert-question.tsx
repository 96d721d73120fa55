import type { Ref } from "react";
import { useRef } from "react";
import { useTranslation } from "react-i18next";
import type { ScalePoint } from "../../../lib/api/assessment-api";

type LikertQuestionProps = {
  itemId: string;
  statement: string;
  scale: readonly ScalePoint[];
  /** The language the server gave the statement and its labels in (the page's, or English where no translation exists). */
  lang: string;
  value: number | undefined;
  /** `byPointer`: chosen with a mouse or a finger (not arrow keys or a screen reader's virtual cursor). */
  onChange: (value: number, byPointer: boolean) => void;
  legendRef?: Ref<HTMLLegendElement>;
};

/**
 * One statement as a native radio group: Tab reaches the group, arrow keys choose, and every
 * point carries its own label on a large target.
 */
export function LikertQuestion({ itemId, statement, scale, lang, value, onChange, legendRef }: LikertQuestionProps) {
  const { t } = useTranslation();
  const hintId = `likert-hint-${itemId}`;
  // Arrow keys move through a radio group by choosing each answer in turn, so only a choice made
  // with a pointer may move on by itself (see AutoAdvanceSetting).
  const byPointer = useRef(false);
  return (
    <fieldset className="likert" aria-describedby={hintId}>
      <legend ref={legendRef} tabIndex={-1} className="likert__statement" lang={lang}>
        {statement}
      </legend>
      <p id={hintId} className="likert__hint">
        {t("assessment.scaleHint")}
      </p>
      <div className="likert__options">
        {scale.map((point) => (
          <label key={point.value} className="likert__option" onPointerDown={() => (byPointer.current = true)} onKeyDown={() => (byPointer.current = false)}>
            <input
              type="radio"
              name={`answer-${itemId}`}
              value={point.value}
              checked={value === point.value}
              onChange={() => {
                onChange(point.value, byPointer.current);
                byPointer.current = false;
              }}
            />
            <span lang={lang}>{point.label}</span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}
