import type { ComponentProps } from "react";
import { useTranslation } from "react-i18next";
import { PasswordField } from "../../../components/text-field";

/**
 * The field where a person chooses a password (sign-up, change, reset): the same rules hint
 * and the autocomplete that lets a password manager offer a strong one, wherever it appears.
 */
export function NewPasswordField(props: Omit<ComponentProps<typeof PasswordField>, "hint" | "autoComplete">) {
  const { t } = useTranslation();
  return <PasswordField hint={t("auth.passwordHint")} autoComplete="new-password" {...props} />;
}
