import { useId } from "react";
import { useTranslation } from "react-i18next";
import { Loading } from "../../../components/loading";
import { ShowMore } from "../../../components/show-more";
import { DataTable } from "../../../components/data-table";
import { usePracticeClients } from "../../../lib/api/counselling-api";
import { LoadError } from "../../../components/load-error";
import { TwoFactorRequired, isTwoFactorRequired } from "../../../components/two-factor/two-factor-required";
import { intlLocale } from "../../../lib/language";

/**
 * "Your clients": who accepted my invites in this practice and what each shares with me. Needs
 * two-step sign-in; without it, says what to do instead of showing anyone.
 */
export function PracticeClients({ practiceId, twoFactorEnabled }: { practiceId: string; twoFactorEnabled: boolean }) {
  const { t } = useTranslation();
  const titleId = useId();
  return (
    <section aria-labelledby={titleId} className="card">
      <h2 id={titleId}>{t("counselling.practice.clientsTitle")}</h2>
      {twoFactorEnabled ? (
        <ClientTable practiceId={practiceId} label={t("counselling.practice.clientsTitle")} />
      ) : (
        <TwoFactorRequired message={t("counselling.practice.clientsNeedTwoFactor")} linkLabel={t("counselling.practice.clientsTwoFactorLink")} />
      )}
    </section>
  );
}

function ClientTable({ practiceId, label }: { practiceId: string; label: string }) {
  const { t, i18n } = useTranslation();
  const clients = usePracticeClients(practiceId);
  if (clients.isPending) return <Loading />;
  // The first page failed; a later page that fails keeps what is shown (ShowMore says so).
  if (clients.data === undefined) {
    if (isTwoFactorRequired(clients.error))
      return <TwoFactorRequired message={t("counselling.practice.clientsNeedTwoFactor")} linkLabel={t("counselling.practice.clientsTwoFactorLink")} />;
    return <LoadError message={t("counselling.practice.clientsLoadError")} retryLabel={t("counselling.mine.retry")} query={clients} />;
  }
  const rows = clients.data.pages.flatMap((page) => page.clients);
  if (rows.length === 0) return <p>{t("counselling.practice.clientsEmpty")}</p>;
  const date = new Intl.DateTimeFormat(intlLocale(i18n.language), { dateStyle: "medium" });
  return (
    <>
      <DataTable caption={label} className="practice-members" captionHidden>
        <thead>
          <tr>
            <th scope="col">{t("counselling.practice.clientName")}</th>
            <th scope="col">{t("counselling.practice.clientKind")}</th>
            <th scope="col">{t("counselling.practice.clientScopes")}</th>
            <th scope="col">{t("counselling.practice.clientSince")}</th>
          </tr>
        </thead>
        <tbody>
          {rows.flatMap((client) =>
            client.members.map((member, index) => (
              <tr key={`${client.clientId}-${index}`}>
                <th scope="row">{member.name}</th>
                <td>{t(`counselling.practice.clientKinds.${client.kind}`)}</td>
                <td>
                  {member.scopes.length === 0
                    ? t("counselling.practice.scopesNone")
                    : member.scopes.map((scope) => t(`counselling.practice.scopeNames.${scope}`)).join(", ")}
                </td>
                <td>{date.format(new Date(member.since))}</td>
              </tr>
            )),
          )}
        </tbody>
      </DataTable>
      {(clients.hasNextPage || clients.data.pages.length > 1) && (
        <ShowMore
          query={clients}
          text={{
            shown: t("counselling.practice.clientsShown", { count: rows.length }),
            more: t("counselling.practice.clientsMore"),
            loadError: t("counselling.practice.clientsMoreError"),
          }}
        />
      )}
    </>
  );
}
