import { useTranslation } from "react-i18next";
import { useHelpResources } from "../api/help-api";
import { dialable } from "./dialable";

/**
 * The emergency numbers, first on the page. They come from the operator's list when it has
 * emergency entries; until it loads, or if it cannot, Singapore's 999 and 995 are shown.
 */
export function EmergencyCallout() {
  const { t } = useTranslation();
  const resources = useHelpResources();
  const emergency = (resources.data?.resources ?? []).filter((resource) => resource.category === "emergency" && resource.phone);
  return (
    <div className="callout callout--urgent help-emergency">
      {emergency.length > 0 ? (
        <>
          <p>{t("help.dangerNow")}</p>
          <div className="help-emergency__actions">
            {emergency.map((resource) => (
              <a key={resource.id} className="button button--danger" href={`tel:${dialable(resource.phone ?? "")}`}>
                {t("help.callEmergency", { phone: resource.phone, name: resource.name })}
              </a>
            ))}
          </div>
        </>
      ) : (
        <>
          {/* The same sentence as once the list is there, so the buttons do not move when it arrives (a layout shift). */}
          <p>{t("help.dangerNow")}</p>
          <div className="help-emergency__actions">
            <a className="button button--danger" href="tel:999">
              {t("help.callPolice")}
            </a>
            <a className="button button--danger" href="tel:995">
              {t("help.callAmbulance")}
            </a>
          </div>
        </>
      )}
    </div>
  );
}
