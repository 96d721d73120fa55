import type { ReactNode } from "react";
import { useSession } from "../lib/session";
import { shellText as t } from "../lib/shell-text";
import { Alert } from "../components/alert";
import { Loading } from "../components/loading";

/** An invite link's page: the join page for a signed-in person, the invite's landing for anyone else (decision 058). */
export function InviteGate({ signedIn, signedOut }: { signedIn: ReactNode; signedOut: ReactNode }) {
  const me = useSession();
  if (me.isPending) return <Loading />;
  if (me.isError) return <Alert tone="error">{t("app.networkError")}</Alert>;
  return <>{me.data ? signedIn : signedOut}</>;
}
