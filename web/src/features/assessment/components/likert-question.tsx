import type { Ref } from "react";
import { useTranslation } from "react-i18next";
import type { ScalePoint } from "../../../lib/api/assessment-api";

type LikertQuestionProps = {
  itemId: string;
  statement: string;
  scale: readonly ScalePoint[];
  value: number | undefined;
  onChange: (value: number) => void;
  legendRef?: Ref<HTMLLegendElement>;
};

/**
 * One statement as a native radio group: Tab reaches the group, arrow keys choose, and every
 * point carries its own label on a large target.
 */
export function LikertQuestion({ itemId, statement, scale, value, onChange, legendRef }: LikertQuestionProps) {
  const { t } = useTranslation();
  const hintId = `likert-hint-${itemId}`;
  return (
    <fieldset className="likert" aria-describedby={hintId}>
      <legend ref={legendRef} tabIndex={-1} className="likert__statement">
        {statement}
      </legend>
      <p id={hintId} className="likert__hint">
        {t("assessment.scaleHint")}
      </p>
      <div className="likert__options">
        {scale.map((point) => (
          <label key={point.value} className="likert__option">
            <input type="radio" name={`answer-${itemId}`} value={point.value} checked={value === point.value} onChange={() => onChange(point.value)} />
            <span>{point.label}</span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}
