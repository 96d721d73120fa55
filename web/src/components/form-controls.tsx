import { useId, type ReactNode } from "react";
import "./data.css";

// The styled choices of the app (decision 059): a select, a checkbox and a radio group, each
// labelled, at least 44 px to touch, with a visible focus ring, in place of the browser's defaults.

/** One choice; a hint, when given, is read with it (aria-describedby) and shown under it. */
export type Choice<Value extends string> = { value: Value; label: string; hint?: string };

/** A labelled drop-down list. */
export function SelectField<Value extends string>({
  label,
  value,
  options,
  onChange,
  hint,
}: {
  label: string;
  value: Value;
  options: readonly Choice<Value>[];
  onChange: (value: Value) => void;
  hint?: string;
}) {
  const id = useId();
  return (
    <div className="select-field">
      <label htmlFor={id}>{label}</label>
      {hint && (
        <p id={`${id}-hint`} className="field__hint">
          {hint}
        </p>
      )}
      <select id={id} value={value} aria-describedby={hint ? `${id}-hint` : undefined} onChange={(event) => onChange(event.target.value as Value)}>
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </div>
  );
}

/** A checkbox with its label beside it, the whole row a target. */
export function CheckboxField({
  label,
  checked,
  onChange,
  hint,
  disabled = false,
}: {
  label: ReactNode;
  checked: boolean;
  onChange: (checked: boolean) => void;
  hint?: string;
  disabled?: boolean;
}) {
  const id = useId();
  return (
    <div className="check-field">
      <input
        id={id}
        type="checkbox"
        checked={checked}
        disabled={disabled}
        aria-describedby={hint ? `${id}-hint` : undefined}
        onChange={(event) => onChange(event.target.checked)}
      />
      <label htmlFor={id}>{label}</label>
      {hint && (
        <p id={`${id}-hint`} className="field__hint check-field__hint">
          {hint}
        </p>
      )}
    </div>
  );
}

/** A group of radio buttons under a legend: one choice of a few. */
export function RadioGroup<Value extends string>({
  legend,
  value,
  options,
  onChange,
}: {
  legend: string;
  value: Value;
  options: readonly Choice<Value>[];
  onChange: (value: Value) => void;
}) {
  const name = useId();
  return (
    <fieldset className="radio-group">
      <legend>{legend}</legend>
      {options.map((option) => (
        <div key={option.value} className="check-field">
          <input
            id={`${name}-${option.value}`}
            type="radio"
            name={name}
            value={option.value}
            checked={value === option.value}
            aria-describedby={option.hint ? `${name}-${option.value}-hint` : undefined}
            onChange={() => onChange(option.value)}
          />
          <label htmlFor={`${name}-${option.value}`}>{option.label}</label>
          {option.hint && (
            <p id={`${name}-${option.value}-hint`} className="field__hint check-field__hint">
              {option.hint}
            </p>
          )}
        </div>
      ))}
    </fieldset>
  );
}

/** Filters over a list: a legend and controls that wrap to as many lines as the screen needs. */
export function FilterBar({ legend, children }: { legend: string; children: ReactNode }) {
  return (
    <fieldset className="filter-bar">
      <legend>{legend}</legend>
      <div className="filter-bar__controls">{children}</div>
    </fieldset>
  );
}
