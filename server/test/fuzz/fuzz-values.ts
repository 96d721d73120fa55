// Values for the fuzzer: a plausible instance of a route's JSON schema (derived from its zod
// contract) to mutate, and the kinds of bad values a careless or hostile client sends.
import fc from "fast-check";

export type JsonSchema = {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: boolean | JsonSchema;
  items?: JsonSchema;
  enum?: unknown[];
  const?: unknown;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  minItems?: number;
  maxItems?: number;
  format?: string;
  default?: unknown;
};

/** A plausible instance of the schema (not always valid: patterns and refinements are not followed). */
export function sampleOf(schema: JsonSchema): unknown {
  if (schema.const !== undefined) return schema.const;
  if (schema.enum && schema.enum.length > 0) return schema.enum[0];
  const branch = schema.anyOf?.[0] ?? schema.oneOf?.[0];
  if (branch) return sampleOf(branch);
  const type = Array.isArray(schema.type) ? schema.type[0] : schema.type;
  switch (type) {
    case "object":
      return Object.fromEntries(Object.entries(schema.properties ?? {}).map(([key, inner]) => [key, sampleOf(inner)]));
    case "array": {
      const item = schema.items ? sampleOf(schema.items) : null;
      return Array.from({ length: schema.minItems ?? 0 }, () => item);
    }
    case "string":
      if (schema.format === "email") return "fuzz@example.test";
      return "a".repeat(Math.max(1, schema.minLength ?? 1));
    case "integer":
    case "number":
      return schema.minimum ?? 1;
    case "boolean":
      return true;
    case "null":
      return null;
    default:
      return "a";
  }
}

/** Every path (list of keys) to a value inside the sample, the root included. */
export function pathsOf(value: unknown, prefix: string[] = []): string[][] {
  const paths = [prefix];
  if (Array.isArray(value)) value.forEach((item, index) => paths.push(...pathsOf(item, [...prefix, String(index)])));
  else if (value !== null && typeof value === "object") {
    for (const [key, inner] of Object.entries(value)) paths.push(...pathsOf(inner, [...prefix, key]));
  }
  return paths;
}

/** A deep copy of `root` with the value at `path` replaced (or removed when `replacement` is `remove`). */
export const remove = Symbol("remove");
export function withValueAt(root: unknown, path: string[], replacement: unknown): unknown {
  if (path.length === 0) return replacement === remove ? undefined : replacement;
  const copy = structuredClone(root) as Record<string, unknown>;
  let parent = copy;
  for (const key of path.slice(0, -1)) parent = parent[key] as Record<string, unknown>;
  const last = path.at(-1)!;
  if (replacement === remove) {
    if (Array.isArray(parent)) parent.splice(Number(last), 1);
    else delete parent[last];
  } else parent[last] = replacement;
  return copy;
}

/** JSON nested `depth` levels deep, as arrays or objects. */
export function deeplyNested(depth: number, asObject: boolean): unknown {
  let value: unknown = "bottom";
  for (let level = 0; level < depth; level += 1) value = asObject ? { a: value } : [value];
  return value;
}

/** Strings that break naive code: control characters, NUL, lone surrogates, RTL marks, emoji, SQL and path fragments. */
export const nastyString: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(
    "",
    " ",
    "\u0000",
    "a\u0000b",
    "\u0000".repeat(50),
    "\ud800",
    "\udfff\ud800",
    "\u202e\u202d",
    "\ufeff",
    "👩‍❤️‍👨🏳️‍🌈",
    "Ω≈ç√∫˜µ≤≥÷",
    "𝕿𝖍𝖊",
    "'; drop table user; --",
    '" or 1=1 --',
    "../../../../etc/passwd",
    "%00",
    "%",
    "%E0%A4%A",
    "${jndi:ldap://x}",
    "<script>alert(1)</script>",
    "__proto__",
    "constructor",
    "null",
    "undefined",
    "NaN",
    "-1",
    "1e309",
    "0x10",
    "true",
    "\r\n\r\n",
    "\t",
    "\\",
  ),
  fc.string({ unit: "binary", maxLength: 60 }),
  fc.string({ unit: "grapheme", maxLength: 60 }),
  fc.string({ unit: fc.constantFrom("\u0000", "\ud800", "\udc00", "a", "é", "\u200b"), maxLength: 30 }),
);

/** Strings longer than any field allows, in a few alphabets. */
export const hugeString: fc.Arbitrary<string> = fc
  .tuple(fc.constantFrom("x", "é", "😀", "\u0000", "ab"), fc.integer({ min: 201, max: 20_000 }))
  .map(([unit, length]) => unit.repeat(length));

/** Any JSON-ish value of a wrong kind: null, numbers at the edges, booleans, arrays, objects. */
export const wrongValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(null, true, false, 0, -1, 1.5, -0, 1e308, -1e308, Number.MAX_SAFE_INTEGER + 2, [], {}, [null], { "": "" }),
  nastyString,
  hugeString,
  fc.integer(),
  fc.double({ noNaN: true }),
  fc.array(nastyString, { maxLength: 5 }),
  fc.dictionary(nastyString, nastyString, { maxKeys: 4 }),
  fc.integer({ min: 2, max: 1000 }).chain((depth) => fc.boolean().map((asObject) => deeplyNested(depth, asObject))),
  fc.jsonValue({ maxDepth: 4 }),
);

/** Keys no contract has, including the ones prototype-pollution attempts use. */
export const extraKey: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom("__proto__", "constructor", "prototype", "extra", "", "$where", "id", "userId"),
  nastyString,
);
