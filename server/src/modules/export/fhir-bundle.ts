// What every FHIR Bundle Mutual writes has in common: stable ids, and the definitions its responses
// point to. The person's own export and a counsellor's client export both build on it.
import { createHash } from "node:crypto";
import {
  exportCodeSystems,
  exportQuestionnaire,
  type FhirCodeSystem,
  type FhirQuestionnaire,
  type FhirQuestionnaireResponse,
  type Instrument,
} from "@mutual/core";

export type FhirBundleEntry = { fullUrl: string; resource: (FhirQuestionnaire | FhirQuestionnaireResponse | FhirCodeSystem) & { id: string } };

export type FhirCollectionBundle = {
  resourceType: "Bundle";
  type: "collection";
  timestamp: string;
  entry: FhirBundleEntry[];
};

/**
 * A stable UUID (version 5 layout: SHA-1 of a name under our namespace) for a resource that has
 * no UUID of its own, so its fullUrl is a conformant `urn:uuid:` and stays the same across exports.
 */
export function nameBasedUuid(name: string): string {
  const bytes = createHash("sha1").update(`mutual.export.fhir:${name}`).digest().subarray(0, 16);
  bytes[6] = (bytes[6]! & 0x0f) | 0x50;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = bytes.toString("hex");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/**
 * The definitions a Bundle's responses need, for each instrument version: its Questionnaire, then the
 * two CodeSystems its codes come from (the agreement scale, the dimensions), all named under the
 * deployment's canonical base. R4 wants fullUrl absolute or a urn:uuid; the canonical `url` and
 * `version` keep each resource identified across systems.
 */
export function presentFhirDefinitions(instruments: Iterable<Instrument>, base: string): FhirBundleEntry[] {
  const entries: FhirBundleEntry[] = [];
  for (const instrument of instruments) {
    const key = `${instrument.id}@${instrument.version}`;
    const questionnaireId = nameBasedUuid(`questionnaire:${key}`);
    entries.push({ fullUrl: `urn:uuid:${questionnaireId}`, resource: { ...exportQuestionnaire(instrument, { base }), id: questionnaireId } });
    for (const codeSystem of exportCodeSystems(instrument, { base })) {
      const id = nameBasedUuid(`code-system:${codeSystem.url}|${codeSystem.version}`);
      entries.push({ fullUrl: `urn:uuid:${id}`, resource: { ...codeSystem, id } });
    }
  }
  return entries;
}

/** Each instrument version once, the current one first (so a Bundle always carries the current definitions). */
export function instrumentsUsed(current: Instrument, used: Iterable<Instrument>): Instrument[] {
  const byKey = new Map<string, Instrument>([[`${current.id}@${current.version}`, current]]);
  for (const instrument of used) byKey.set(`${instrument.id}@${instrument.version}`, instrument);
  return [...byKey.values()];
}
