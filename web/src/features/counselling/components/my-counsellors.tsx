import { useEffect, useId, useRef, useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { Alert } from "../../../components/alert";
import { Button } from "../../../components/button";
import { Loading } from "../../../components/loading";
import {
  usePutCounsellingScopes,
  useCounselling,
  useStopSharing,
  type CounsellingRelationsResponse,
  type CounsellingScope,
} from "../../../lib/api/counselling-api";
import { ScopeChoices, orderedScopes, toggled } from "./scope-choices";
import { LoadError } from "../../../components/load-error";
import { intlLocale } from "../../../lib/language";

type Relation = CounsellingRelationsResponse["relations"][number];

/** Everyone I share with as a client, each with what they see, a way to change it, and a way to stop. */
export function MyCounsellors() {
  const { t } = useTranslation();
  const relations = useCounselling();
  const [stoppedOne, setStoppedOne] = useState(false);
  if (relations.isPending) return <Loading />;
  if (relations.isError) {
    return <LoadError message={t("counselling.mine.loadError")} retryLabel={t("counselling.mine.retry")} query={relations} />;
  }
  return (
    <section aria-labelledby="counselling-mine-title">
      <h2 id="counselling-mine-title">{t("counselling.mine.title")}</h2>
      {stoppedOne && <Alert tone="success">{t("counselling.mine.stopped")}</Alert>}
      {relations.data.relations.length === 0 ? (
        <p>{t("counselling.mine.empty")}</p>
      ) : (
        relations.data.relations.map((relation) => <RelationCard key={relation.clientId} relation={relation} onStopped={() => setStoppedOne(true)} />)
      )}
    </section>
  );
}

function RelationCard({ relation, onStopped }: { relation: Relation; onStopped: () => void }) {
  const { t, i18n } = useTranslation();
  const titleId = useId();
  const save = usePutCounsellingScopes(relation.clientId);
  const [chosen, setChosen] = useState<ReadonlySet<CounsellingScope>>(() => new Set(relation.scopes));
  const counsellor = relation.counsellor.name;
  const since = new Intl.DateTimeFormat(intlLocale(i18n.language), { dateStyle: "long" }).format(new Date(relation.since));
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate(orderedScopes(chosen));
  };
  return (
    <article aria-labelledby={titleId} className="card">
      <h3 id={titleId}>{t("counselling.mine.relationTitle", { counsellor, practice: relation.practice.name })}</h3>
      <p className="muted">{t("counselling.mine.since", { date: since, kind: t(`counselling.kinds.${relation.kind}`) })}</p>
      <form onSubmit={onSubmit} className="form">
        <ScopeChoices
          idPrefix={`scope-${relation.clientId}`}
          counsellor={counsellor}
          chosen={chosen}
          onToggle={(scope) => {
            save.reset();
            setChosen((current) => toggled(current, scope));
          }}
        />
        {chosen.size === 0 && <p className="muted">{t("counselling.scopes.none")}</p>}
        {save.isSuccess && <Alert tone="success">{t("counselling.mine.saved", { counsellor })}</Alert>}
        {save.isError && <Alert tone="error">{t("counselling.mine.saveError")}</Alert>}
        <div className="actions">
          <Button type="submit" busy={save.isPending}>
            {save.isPending ? t("counselling.mine.saving") : t("counselling.mine.save", { counsellor })}
          </Button>
        </div>
      </form>
      <StopSharing relation={relation} onStopped={onStopped} />
    </article>
  );
}

function StopSharing({ relation, onStopped }: { relation: Relation; onStopped: () => void }) {
  const { t } = useTranslation();
  const stop = useStopSharing(relation.clientId);
  const [confirming, setConfirming] = useState(false);
  const confirmRef = useRef<HTMLDivElement>(null);
  // The button that asked is gone: move focus to the question, so a keyboard user is not lost.
  useEffect(() => {
    if (confirming) confirmRef.current?.focus();
  }, [confirming]);
  if (!confirming) {
    return (
      <div className="actions">
        <Button variant="secondary" onClick={() => setConfirming(true)}>
          {t("counselling.mine.stop")}
        </Button>
      </div>
    );
  }
  return (
    <div role="group" aria-label={t("counselling.mine.stop")} tabIndex={-1} ref={confirmRef}>
      <p>{t("counselling.mine.stopConfirm", { counsellor: relation.counsellor.name, practice: relation.practice.name })}</p>
      {stop.isError && <Alert tone="error">{t("counselling.mine.stopError")}</Alert>}
      <div className="actions">
        <Button variant="danger" busy={stop.isPending} onClick={() => stop.mutate(undefined, { onSuccess: onStopped })}>
          {stop.isPending ? t("counselling.mine.stopping") : t("counselling.mine.stopYes")}
        </Button>
        <Button variant="link" onClick={() => setConfirming(false)}>
          {t("counselling.mine.stopNo")}
        </Button>
      </div>
    </div>
  );
}
