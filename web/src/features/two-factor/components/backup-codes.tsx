import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Button } from "../../../components/button";

/** The backup codes, shown once: to copy, download or write down. */
export function BackupCodes({ codes }: { codes: string[] }) {
  const { t } = useTranslation();
  const [copied, setCopied] = useState<"yes" | "no" | null>(null);
  const text = codes.join("\n");
  const copy = async () => {
    try {
      if (!navigator.clipboard?.writeText) throw new Error("no clipboard");
      await navigator.clipboard.writeText(text);
      setCopied("yes");
    } catch {
      setCopied("no");
    }
  };
  const download = () => {
    const url = URL.createObjectURL(new Blob([`${t("twoFactor.backupFileHeading")}\n\n${text}\n`], { type: "text/plain" }));
    const link = document.createElement("a");
    link.href = url;
    link.download = "mutual-backup-codes.txt";
    link.click();
    URL.revokeObjectURL(url);
  };
  return (
    <section aria-labelledby="backup-codes-title">
      <h2 id="backup-codes-title">{t("twoFactor.backupTitle")}</h2>
      <p>{t("twoFactor.backupIntro")}</p>
      <ul className="two-factor__codes" aria-label={t("twoFactor.backupTitle")}>
        {codes.map((code) => (
          <li key={code}>
            <code>{code}</code>
          </li>
        ))}
      </ul>
      <p className="actions">
        <Button variant="secondary" onClick={() => void copy()}>
          {t("twoFactor.copyCodes")}
        </Button>
        <Button variant="secondary" onClick={download}>
          {t("twoFactor.downloadCodes")}
        </Button>
      </p>
      <p role="status">{copied === "yes" ? t("twoFactor.copied") : copied === "no" ? t("twoFactor.copyByHand") : ""}</p>
    </section>
  );
}
