import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { PRACTICE_NAME_MAX_LENGTH } from "@mutual/core";
import { Alert } from "../../../components/alert";
import { Button } from "../../../components/button";
import { TextField } from "../../../components/text-field";
import { useCreatePractice } from "../api/practice-api";
import { describePracticeError } from "./practice-error";

/** Creates a practice; whoever creates it is its owner. */
export function CreatePracticeForm({ onCreated }: { onCreated: (practiceId: string) => void }) {
  const { t } = useTranslation();
  const create = useCreatePractice();
  const [name, setName] = useState("");
  const [error, setError] = useState<string | undefined>();
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const trimmed = name.trim();
    const problem =
      trimmed === "" ? t("validation.required") : trimmed.length > PRACTICE_NAME_MAX_LENGTH ? t("counsellingPractice.create.tooLong", { max: PRACTICE_NAME_MAX_LENGTH }) : undefined;
    setError(problem);
    if (!problem) create.mutate(trimmed, { onSuccess: (created) => onCreated(created.id) });
  };
  return (
    <form onSubmit={onSubmit} noValidate className="form" aria-labelledby="create-practice-title">
      <h2 id="create-practice-title">{t("counsellingPractice.create.title")}</h2>
      <p>{t("counsellingPractice.create.intro")}</p>
      {create.isError && <Alert tone="error">{describePracticeError(create.error, t)}</Alert>}
      <TextField label={t("counsellingPractice.create.nameLabel")} autoComplete="organization" value={name} onChange={(event) => setName(event.target.value)} error={error} />
      <Button type="submit" busy={create.isPending}>
        {create.isPending ? t("auth.working") : t("counsellingPractice.create.submit")}
      </Button>
    </form>
  );
}
