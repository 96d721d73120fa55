// Extension URLs and our own canonical addresses for the FHIR mapping.

export const ITEM_WEIGHT_URL = "http://hl7.org/fhir/StructureDefinition/itemWeight";
/** The older R4 name for the same idea; accepted on import. */
export const ORDINAL_VALUE_URL = "http://hl7.org/fhir/StructureDefinition/ordinalValue";
export const CALCULATED_EXPRESSION_URL = "http://hl7.org/fhir/uv/sdc/StructureDefinition/sdc-questionnaire-calculatedExpression";

/** Default canonical base. ".example" is reserved (RFC 2606), so a deployment sets its own. */
export const DEFAULT_FHIR_BASE = "https://mutual.example/fhir";

/** Canonical addresses derived from a base. */
export function buildFhirUrls(base: string = DEFAULT_FHIR_BASE, instrumentId = "mutual-interdependence-profile") {
  return {
    questionnaire: `${base}/Questionnaire/${instrumentId}`,
    scaleSystem: `${base}/CodeSystem/agreement-7`,
    dimensionSystem: `${base}/CodeSystem/interdependence-dimension`,
  };
}
