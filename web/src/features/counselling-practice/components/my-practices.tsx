import { Link, useNavigate } from "react-router";
import { useTranslation } from "react-i18next";
import { Alert } from "../../../components/alert";
import { Loading } from "../../../components/loading";
import { usePractices } from "../../../lib/api/practice-api";
import { CreatePracticeForm } from "./create-practice-form";
import { describePracticeError } from "./practice-error";
import { TwoFactorPrompt } from "./two-factor-prompt";

/** The practices I belong to, or, with none yet, the form to create one. */
export function MyPractices() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const practices = usePractices();
  if (practices.isPending) return <Loading />;
  if (practices.isError) return <Alert tone="error">{describePracticeError(practices.error, t)}</Alert>;
  const { practices: list, twoFactorEnabled } = practices.data;
  const open = (practiceId: string) => void navigate(`/practice/${encodeURIComponent(practiceId)}`);
  if (list.length === 0) {
    return (
      <>
        <p>{t("counsellingPractice.list.none")}</p>
        <section className="card">
          <CreatePracticeForm onCreated={open} />
        </section>
      </>
    );
  }
  return (
    <>
      {!twoFactorEnabled && <TwoFactorPrompt />}
      <section aria-labelledby="my-practices-title" className="card">
        <h2 id="my-practices-title">{t("counsellingPractice.list.title")}</h2>
        <ul className="practice-list">
          {list.map((practice) => (
            <li key={practice.id}>
              <Link to={`/practice/${encodeURIComponent(practice.id)}`}>{practice.name}</Link> · {t(`counsellingPractice.roles.${practice.role}`)}
            </li>
          ))}
        </ul>
      </section>
      <details className="card">
        <summary>{t("counsellingPractice.list.createAnother")}</summary>
        <CreatePracticeForm onCreated={open} />
      </details>
    </>
  );
}
