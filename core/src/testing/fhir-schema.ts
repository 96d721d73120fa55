// HL7's official FHIR R4 JSON schema, for tests in core and the server that check a resource
// against it. The package has no type declarations, so it is loaded by name.

export type FhirSchemaValidator = { validate: (resource: unknown, verbose?: boolean) => unknown[] };

/** The R4 schema validator (slow to build: load it once, in a beforeAll with a long timeout). */
export async function loadFhirSchemaValidator(): Promise<FhirSchemaValidator> {
  const specifier: string = "@asymmetrik/fhir-json-schema-validator";
  const loaded = (await import(specifier)) as { default: new () => FhirSchemaValidator };
  return new loaded.default();
}
