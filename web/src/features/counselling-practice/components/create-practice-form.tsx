import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { PRACTICE_NAME_MAX_LENGTH, chosenNameProblem } from "@mutual/core";
import { Alert } from "../../../components/alert";
import { Button } from "../../../components/button";
import { TextField } from "../../../components/text-field";
import { useCreatePractice } from "../../../lib/api/practice-api";
import { describePracticeError } from "./practice-error";

/** Creates a practice; whoever creates it is its owner. */
export function CreatePracticeForm({ onCreated }: { onCreated: (practiceId: string) => void }) {
  const { t } = useTranslation();
  const create = useCreatePractice();
  const [name, setName] = useState("");
  const [error, setError] = useState<string | undefined>();
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    // The same rule the server applies to every chosen name (core's chosenNameProblem).
    const messages = {
      empty: t("validation.required"),
      "too-long": t("counsellingPractice.create.tooLong", { max: PRACTICE_NAME_MAX_LENGTH }),
      "not-one-line": t("validation.oneLine"),
    };
    const rule = chosenNameProblem(name, PRACTICE_NAME_MAX_LENGTH);
    const problem = rule === null ? undefined : messages[rule];
    setError(problem);
    if (!problem) create.mutate(name.trim(), { onSuccess: (created) => onCreated(created.id) });
  };
  return (
    <form onSubmit={onSubmit} noValidate className="form" aria-labelledby="create-practice-title">
      <h2 id="create-practice-title">{t("counsellingPractice.create.title")}</h2>
      <p>{t("counsellingPractice.create.intro")}</p>
      {create.isError && <Alert tone="error">{describePracticeError(create.error, t)}</Alert>}
      <TextField
        label={t("counsellingPractice.create.nameLabel")}
        autoComplete="organization"
        value={name}
        onChange={(event) => setName(event.target.value)}
        error={error}
      />
      <Button type="submit" busy={create.isPending}>
        {create.isPending ? t("auth.working") : t("counsellingPractice.create.submit")}
      </Button>
    </form>
  );
}
