import { useEffect, useId, useRef, useState, type InputHTMLAttributes } from "react";
import { useTranslation } from "react-i18next";

type TextFieldProps = Omit<InputHTMLAttributes<HTMLInputElement>, "id"> & {
  label: string;
  hint?: string;
  error?: string | undefined;
};

/** A labelled input whose hint and error are tied to it for screen readers. */
export function TextField({ label, hint, error, type = "text", autoFocus, ...rest }: TextFieldProps) {
  const id = useId();
  // A field shown in place of another (the code after the password) takes the focus itself: the
  // browser honours the autofocus attribute only once per page load, not on an element added later.
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (autoFocus) input.current?.focus();
  }, [autoFocus]);
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  return (
    <div className={error ? "field field--invalid" : "field"}>
      <label htmlFor={id} className="field__label">
        {label}
      </label>
      {hint && (
        <p id={hintId} className="field__hint">
          {hint}
        </p>
      )}
      <input
        ref={input}
        id={id}
        type={type}
        className="field__input"
        aria-invalid={error ? true : undefined}
        aria-describedby={[hintId, errorId].filter(Boolean).join(" ") || undefined}
        {...rest}
      />
      {error && (
        <p id={errorId} className="field__error">
          {error}
        </p>
      )}
    </div>
  );
}

/** A password input with a show/hide toggle. Paste and password managers always work. */
export function PasswordField(props: Omit<TextFieldProps, "type">) {
  const { t } = useTranslation();
  const [visible, setVisible] = useState(false);
  return (
    <div className="password-field">
      <TextField {...props} type={visible ? "text" : "password"} spellCheck={false} autoCapitalize="off" />
      <button type="button" className="button button--link password-field__toggle" aria-pressed={visible} onClick={() => setVisible((shown) => !shown)}>
        {visible ? t("auth.hidePassword") : t("auth.showPassword")}
      </button>
    </div>
  );
}
