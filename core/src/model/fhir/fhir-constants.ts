// Extension URLs and our own canonical addresses for the FHIR mapping.

/** An answer's weight as newer FHIR versions and the SDC guide name it (not among R4's core extensions). */
export const ITEM_WEIGHT_URL = "http://hl7.org/fhir/StructureDefinition/itemWeight";
/** The same weight as R4's own core extension names it: exported beside itemWeight, so an R4-only reader finds it too. */
export const ORDINAL_VALUE_URL = "http://hl7.org/fhir/StructureDefinition/ordinalValue";
export const CALCULATED_EXPRESSION_URL = "http://hl7.org/fhir/uv/sdc/StructureDefinition/sdc-questionnaire-calculatedExpression";

/** Canonical base when none is given (tests, examples). ".example" is reserved (RFC 2606); a server derives its own (fhirBaseOf). */
export const DEFAULT_FHIR_BASE = "https://mutual.example/fhir";

/**
 * A deployment's canonical base, from the address people use (PUBLIC_URL): its Questionnaire and
 * CodeSystems are then named under the operator's own domain, as FHIR canonical URLs should be.
 */
export function fhirBaseOf(publicUrl: string): string {
  return `${publicUrl.replace(/\/+$/, "")}/fhir`;
}

/** Canonical addresses derived from a base. */
export function buildFhirUrls(base: string = DEFAULT_FHIR_BASE, instrumentId = "mutual-interdependence-profile") {
  return {
    questionnaire: `${base}/Questionnaire/${instrumentId}`,
    scaleSystem: `${base}/CodeSystem/agreement-7`,
    dimensionSystem: `${base}/CodeSystem/interdependence-dimension`,
  };
}
