import { useId, useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { Alert } from "../../../components/alert";
import { Button } from "../../../components/button";
import { Loading } from "../../../components/loading";
import { ShowMore } from "../../../components/show-more";
import { FreshInviteCode } from "../../../components/invite-code/fresh-invite-code";
import { RadioGroup } from "../../../components/form-controls";
import {
  useCancelClientInvite,
  useClientInvites,
  useCreateClientInvite,
  type ClientKind,
  type CreateClientInviteResponse,
} from "../../../lib/api/counselling-api";
import { intlLocale } from "../../../lib/language";

const dateOf = (value: string, language: string) => new Intl.DateTimeFormat(intlLocale(language), { dateStyle: "medium" }).format(new Date(value));

/** Invite a client (one person or a couple): the code and link are shown once; invites still waiting can be cancelled. */
export function ClientInvites({ practiceId }: { practiceId: string }) {
  const { t } = useTranslation();
  const titleId = useId();
  const create = useCreateClientInvite(practiceId);
  const [kind, setKind] = useState<ClientKind>("individual");
  const [fresh, setFresh] = useState<CreateClientInviteResponse | null>(null);
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate(kind, { onSuccess: (invite) => setFresh(invite) });
  };
  return (
    <section aria-labelledby={titleId} className="card">
      <h2 id={titleId}>{t("counselling.practice.inviteTitle")}</h2>
      <p>{t("counselling.practice.inviteIntro")}</p>
      <form onSubmit={onSubmit} className="form">
        <RadioGroup
          legend={t("counselling.practice.kindLegend")}
          value={kind}
          options={[
            { value: "individual", label: t("counselling.practice.kindIndividual") },
            { value: "couple", label: t("counselling.practice.kindCouple") },
          ]}
          onChange={setKind}
        />
        {create.isError && <Alert tone="error">{t("counselling.practice.createError")}</Alert>}
        <div className="actions">
          <Button type="submit" busy={create.isPending}>
            {create.isPending ? t("counselling.practice.creating") : t("counselling.practice.create")}
          </Button>
        </div>
      </form>
      {fresh && <FreshClientInvite invite={fresh} />}
      <PendingClientInvites practiceId={practiceId} />
    </section>
  );
}

function FreshClientInvite({ invite }: { invite: CreateClientInviteResponse }) {
  const { t, i18n } = useTranslation();
  return (
    <FreshInviteCode
      code={invite.code}
      joinPath="/counselling/join"
      text={{
        codeLabel: t("counselling.practice.codeLabel"),
        linkLabel: t("counselling.practice.linkLabel"),
        copyCode: t("counselling.practice.copyCode"),
        copyLink: t("counselling.practice.copyLink"),
        expires: t("counselling.practice.expires", { date: dateOf(invite.expiresAt, i18n.language) }),
        shownOnce: t("counselling.practice.shownOnce"),
      }}
    />
  );
}

function PendingClientInvites({ practiceId }: { practiceId: string }) {
  const { t, i18n } = useTranslation();
  const invites = useClientInvites(practiceId);
  const cancel = useCancelClientInvite(practiceId);
  return (
    <>
      <h3>{t("counselling.practice.pendingTitle")}</h3>
      {invites.isPending ? (
        <Loading />
      ) : invites.data === undefined ? (
        <Alert tone="error">{t("counselling.practice.pendingLoadError")}</Alert>
      ) : invites.data.pages[0]?.invites.length === 0 ? (
        <p>{t("counselling.practice.pendingEmpty")}</p>
      ) : (
        <>
          <ul className="invitation-list">
            {invites.data.pages
              .flatMap((page) => page.invites)
              .map((invite) => {
                const created = dateOf(invite.createdAt, i18n.language);
                return (
                  <li key={invite.id}>
                    {t("counselling.practice.pending", {
                      kind: t(`counselling.practice.clientKinds.${invite.kind}`),
                      created,
                      expires: dateOf(invite.expiresAt, i18n.language),
                    })}{" "}
                    <Button variant="link" busy={cancel.isPending && cancel.variables === invite.id} onClick={() => cancel.mutate(invite.id)}>
                      {t("counselling.practice.cancel", { created })}
                    </Button>
                  </li>
                );
              })}
          </ul>
          {(invites.hasNextPage || invites.data.pages.length > 1) && (
            <ShowMore
              query={invites}
              text={{
                shown: t("counselling.practice.pendingShown", { count: invites.data.pages.reduce((sum, page) => sum + page.invites.length, 0) }),
                more: t("counselling.practice.pendingMore"),
                loadError: t("counselling.practice.pendingMoreError"),
              }}
            />
          )}
        </>
      )}
      {cancel.isError && <Alert tone="error">{t("counselling.practice.cancelError")}</Alert>}
    </>
  );
}
