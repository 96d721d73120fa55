import { useId, useRef, useState, type FormEvent, type ReactNode } from "react";
import { useTranslation } from "react-i18next";
import type { CheckInAnswers, CheckInView } from "@mutual/core";
import { Alert } from "../../../components/alert";
import { Button } from "../../../components/button";
import { TextField } from "../../../components/text-field";
import { createIdempotencyKey, useSaveCheckIn } from "../../../lib/api/check-in-api";
import { NetworkError } from "../../../lib/api-client";
import { useMe } from "../../../lib/api/auth-api";
import { keepCheckInOffline } from "../../../lib/offline-check-ins";
import { useOfflineState } from "../offline/use-offline-state";
import { AMOUNT_POINTS, CHECK_IN_GROUPS, HOURS, isPulseQuestion, NOTE_MAX_LENGTH, PULSE_POINTS, type ScaleQuestionId } from "./check-in-questions";
import { ConsentFirst, isConsentRequired } from "../../../components/consent-first";
import { ScaleQuestion } from "./scale-question";
import { WhoCanSee } from "../../../components/sharing/who-can-see";
import { BelowTheFold } from "../../../components/page";

type ScaleAnswers = Record<ScaleQuestionId, number | null>;

const SCALE_IDS: readonly ScaleQuestionId[] = ["spokeUp", "feltHeard", "backedPartner", "feltBacked", "wePulse", "mePulse"];

function readScaleAnswers(saved: CheckInView | null): ScaleAnswers {
  const answers = saved?.answers ?? {};
  return Object.fromEntries(SCALE_IDS.map((id) => [id, answers[id] ?? null])) as ScaleAnswers;
}

/** Empty means "skipped"; otherwise a number of hours in half-hour steps within range. */
function parseHours(text: string): { ok: true; value: number | null } | { ok: false } {
  const trimmed = text.trim().replace(",", ".");
  if (trimmed === "") return { ok: true, value: null };
  const value = Number(trimmed);
  if (!Number.isFinite(value) || value < HOURS.min || value > HOURS.max || !Number.isInteger(value / HOURS.step)) return { ok: false };
  return { ok: true, value };
}

/**
 * This week's check-in. Everything typed stays in the form whatever the server answers;
 * one idempotency key covers a save and its retries, and a new key follows any change.
 */
/** What follows a saved check-in (what was saved, the trend, a reminder question): composed in app/. */
export type AfterSave = (saved: CheckInView) => ReactNode;

export function CheckInForm({ timeZone, saved, afterSave }: { timeZone: string; saved: CheckInView | null; afterSave?: AfterSave }) {
  const { t } = useTranslation();
  const noteId = useId();
  const [scale, setScale] = useState<ScaleAnswers>(() => readScaleAnswers(saved));
  const [hours, setHours] = useState(() => (saved?.answers.friendsFamilyHours == null ? "" : String(saved.answers.friendsFamilyHours)));
  const [note, setNote] = useState(() => saved?.note ?? "");
  // A number field reports text it cannot read as "" (and badInput): never mistake that for a skip.
  const [isHoursUnreadable, setIsHoursUnreadable] = useState(false);
  const [hoursError, setHoursError] = useState<string | undefined>();
  const attemptKey = useRef<string | null>(null);
  const save = useSaveCheckIn();
  const me = useMe();
  const [offline, setOffline] = useOfflineState(timeZone);

  const changed = () => {
    attemptKey.current = null;
    if (!save.isPending) save.reset();
  };

  const submit = (event?: FormEvent) => {
    event?.preventDefault();
    const parsedHours = parseHours(hours);
    if (!parsedHours.ok || isHoursUnreadable) {
      setHoursError(t("checkIn.hoursInvalid"));
      return;
    }
    setHoursError(undefined);
    attemptKey.current ??= createIdempotencyKey();
    const trimmedNote = note.trim();
    const answers: CheckInAnswers = { ...scale, friendsFamilyHours: parsedHours.value, note: trimmedNote === "" ? null : trimmedNote };
    const idempotencyKey = attemptKey.current;
    setOffline("none");
    save.mutate(
      { timeZone, answers, idempotencyKey },
      {
        onSuccess: () => {
          attemptKey.current = null;
        },
        onError: (error) => {
          // No connection: keep the answers on this device, with this attempt's key (decision 049).
          if (error instanceof NetworkError) {
            if (!me.data) return;
            void keepCheckInOffline({ userId: me.data.id, idempotencyKey, timeZone, answers })
              .then(() => setOffline("kept"))
              .catch(() => undefined);
          }
        },
      },
    );
  };

  const renderGroup = (group: (typeof CHECK_IN_GROUPS)[number]) => (
    <section key={group.titleKey} className="check-in__group">
      <h2 className="check-in__group-title">{t(group.titleKey)}</h2>
      {group.questions.map(({ id }) =>
        id === "friendsFamilyHours" ? (
          <TextField
            key={id}
            label={t("checkIn.questions.friendsFamilyHours")}
            hint={t("checkIn.questions.friendsFamilyHoursHint")}
            error={hoursError}
            type="number"
            inputMode="decimal"
            min={HOURS.min}
            max={HOURS.max}
            step={HOURS.step}
            name={id}
            value={hours}
            className="field__input field__input--short"
            onChange={(event) => {
              setHours(event.target.value);
              setIsHoursUnreadable(event.target.validity.badInput);
              changed();
            }}
          />
        ) : (
          <ScaleQuestion
            key={id}
            name={id}
            legend={t(`checkIn.questions.${id}`)}
            points={isPulseQuestion(id) ? PULSE_POINTS : AMOUNT_POINTS}
            value={scale[id]}
            onChange={(value) => {
              setScale((current) => ({ ...current, [id]: value }));
              changed();
            }}
          />
        ),
      )}
    </section>
  );
  // The first practice fills a phone's first screen; the rest of the form follows in a task of its own (decision 094).
  const [firstGroup, ...laterGroups] = CHECK_IN_GROUPS;

  return (
    <form className="form check-in" onSubmit={submit} noValidate>
      {firstGroup && renderGroup(firstGroup)}
      <BelowTheFold>
        {laterGroups.map(renderGroup)}
        <div className="field">
          <label htmlFor={noteId} className="field__label">
            {t("checkIn.note")}
          </label>
          <p id={`${noteId}-hint`} className="field__hint">
            {t("checkIn.noteHint")}
          </p>
          <WhoCanSee subject="check-in-notes" className="field__hint" id={`${noteId}-audience`} />
          <textarea
            id={noteId}
            name="note"
            className="field__input field__textarea"
            aria-describedby={`${noteId}-hint ${noteId}-audience`}
            rows={4}
            maxLength={NOTE_MAX_LENGTH}
            value={note}
            onChange={(event) => {
              setNote(event.target.value);
              changed();
            }}
          />
        </div>
        {save.isError && isConsentRequired(save.error) && <ConsentFirst next="/check-in" />}
        {offline === "kept" && (
          <Alert tone="info">
            <p className="alert__text">{t("checkIn.offlineKept")}</p>
            <p className="alert__text">{t("checkIn.offlineNote")}</p>
          </Alert>
        )}
        {offline === "sent" && <Alert tone="success">{t("checkIn.offlineSent")}</Alert>}
        {save.isError && !isConsentRequired(save.error) && offline !== "kept" && (
          <Alert tone="error">
            <p className="alert__text">{t("checkIn.saveError")}</p>
            <Button variant="secondary" onClick={() => submit()}>
              {t("checkIn.retrySave")}
            </Button>
          </Alert>
        )}
        {save.isSuccess && (
          <Alert tone="success">
            <p className="alert__text">{t("checkIn.saved")}</p>
            <p className="alert__text">{t("checkIn.savedEditable")}</p>
          </Alert>
        )}
        {save.isSuccess && afterSave?.(save.data.checkIn ?? { answers: {}, note: null, updatedAt: "" })}
        <div className="actions">
          <Button type="submit" busy={save.isPending}>
            {save.isPending ? t("checkIn.saving") : t("checkIn.save")}
          </Button>
        </div>
      </BelowTheFold>
    </form>
  );
}
