import { useTranslation } from "react-i18next";
import { type AMOUNT_POINTS, type PULSE_POINTS } from "./check-in-questions";

type ScaleQuestionProps = {
  name: string;
  legend: string;
  points: typeof AMOUNT_POINTS | typeof PULSE_POINTS;
  value: number | null;
  onChange: (value: number) => void;
};

/** One question as a native radio group: arrow keys move between points, every point is labelled. */
export function ScaleQuestion({ name, legend, points, value, onChange }: ScaleQuestionProps) {
  const { t } = useTranslation();
  return (
    <fieldset className="scale">
      <legend className="scale__legend">{legend}</legend>
      <div className={points.length > 5 ? "scale__points scale__points--pulse" : "scale__points"}>
        {points.map((point) => (
          <label key={point.value} className="scale__point">
            <input type="radio" name={name} value={point.value} checked={value === point.value} onChange={() => onChange(point.value)} />
            <span>{t(point.labelKey)}</span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}
