import { useId, useState, type FormEvent } from "react";
import { formatInviteCode, normalizeInviteCode } from "@mutual/core";
import { Button } from "../button";
import { TextField } from "../text-field";

/** The words of a code entry form, in the feature's own voice. */
export type CodeEntryText = {
  title: string;
  /** A line under the title, where the form is the page's main question. */
  intro?: string;
  label: string;
  hint: string;
  submit: string;
  /** Said when the input cannot be a code at all. */
  invalid: string;
};

/**
 * Typing a code, forgivingly: any case, spaces or dashes, checked for its shape before anything
 * is sent, so a typo is answered at once and never counts as a failed attempt on the server.
 * `onCode` gets the code in its usual form (ABCDE-12345).
 */
export function CodeEntryForm({ text, onCode }: { text: CodeEntryText; onCode: (code: string) => void }) {
  const titleId = useId();
  const [typed, setTyped] = useState("");
  const [error, setError] = useState<string | undefined>();
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const normalised = normalizeInviteCode(typed);
    if (!normalised) {
      setError(text.invalid);
      return;
    }
    setError(undefined);
    onCode(formatInviteCode(normalised));
  };
  return (
    <section aria-labelledby={titleId} className="card">
      <h2 id={titleId}>{text.title}</h2>
      {text.intro && <p>{text.intro}</p>}
      <form onSubmit={onSubmit} noValidate className="form">
        <TextField
          label={text.label}
          hint={text.hint}
          value={typed}
          onChange={(event) => setTyped(event.target.value)}
          error={error}
          autoComplete="off"
          autoCapitalize="characters"
          spellCheck={false}
          maxLength={40}
        />
        <Button type="submit">{text.submit}</Button>
      </form>
    </section>
  );
}
