import { useTranslation } from "react-i18next";
import type { ClientAnswers } from "@mutual/core";
import { DataTable } from "../../../components/data-table";
import { languageNames } from "../../../lib/language";

type Shown = ClientAnswers["items"][number]["asGiven"];

/** Words in their own language, marked so the browser (and a screen reader) reads them in it; a provisional translation says so. */
function InLanguage({ shown }: { shown: Shown }) {
  const { t } = useTranslation();
  return (
    <>
      <span lang={shown.lang}>{shown.text}</span>
      {shown.status === "provisional" && <span className="muted"> ({t("clientDashboard.answers.provisional")})</span>}
    </>
  );
}

/**
 * A member's latest profile as they answered it (decision 085): each statement as they read it and,
 * when the counsellor reads another language, in theirs beside it. Answers are the same numbers in
 * every language; only the words differ.
 */
export function MemberAnswers({ name, answers }: { name: string; answers: ClientAnswers }) {
  const { t } = useTranslation();
  const sideBySide = answers.items.some((item) => item.inYourLanguage !== null);
  return (
    <>
      <p>
        {answers.answeredIn === "mixed"
          ? t("clientDashboard.answers.answeredMixed", { name })
          : t("clientDashboard.answers.answeredIn", { name, language: languageNames[answers.answeredIn] })}
      </p>
      <DataTable caption={t("clientDashboard.answers.caption", { name })} dense>
        <thead>
          <tr>
            <th scope="col">{t("clientDashboard.answers.asGiven")}</th>
            {sideBySide && <th scope="col">{t("clientDashboard.answers.inYourLanguage")}</th>}
            <th scope="col">{t("clientDashboard.answers.answer")}</th>
          </tr>
        </thead>
        <tbody>
          {answers.items.map((item) => (
            <tr key={item.itemId}>
              <td>
                <InLanguage shown={item.asGiven} />
              </td>
              {sideBySide && <td>{item.inYourLanguage === null ? t("clientDashboard.answers.same") : <InLanguage shown={item.inYourLanguage} />}</td>}
              <td>{item.answerLabel}</td>
            </tr>
          ))}
        </tbody>
      </DataTable>
    </>
  );
}
