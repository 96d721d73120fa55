// Malformed requests, derived from each route's zod contract: a plausible instance of its body,
// params or query with one thing broken, plus wrong content types, oversized bodies, garbage
// cookies and headers, garbage to Better Auth's endpoints, and requests to no route at all.
// Each request says whether it breaks its route's contract (then it must get a 4xx); when the
// fuzzer cannot be sure (a mutation that happens to be valid, garbage to Better Auth), it
// only has to be answered without a server error.
import fc from "fast-check";
import { z, type ZodType } from "zod";
import { deeplyNested, extraKey, hugeString, nastyString, pathsOf, remove, sampleOf, withValueAt, wrongValue, type JsonSchema } from "./fuzz-values.js";
import type { RouteSchemas } from "./route-schemas.js";

export const actorNames = ["anonymous", "person", "counsellor", "client"] as const;
export type ActorName = (typeof actorNames)[number];

export type FuzzRoute = { method: string; url: string; access: "public" | "signed-in"; schemas: RouteSchemas };

export type Spec = {
  kind: string;
  /** The declared route this request aims at ("METHOD url"), or "none" for random paths. */
  route: string;
  actor: ActorName;
  method: string;
  url: string;
  headers: Record<string, string>;
  /** Sent instead of the actor's own session cookie. */
  cookie?: string;
  payload?: string | Buffer;
  /** Breaks the route's contract, or has no valid session on a signed-in route: must be answered 4xx. */
  mustReject: boolean;
  remoteAddress?: string;
};

/** Real values for path params by name (the actors' own practice, client, assessment...), so a broken body reaches validation past the ids. */
export type KnownIds = Record<string, string[]>;

const origin = "http://localhost:3000";
const bodyMethods = new Set(["POST", "PUT", "DELETE", "PATCH"]);

function jsonSchemaOf(schema: ZodType): JsonSchema {
  return z.toJSONSchema(schema, { io: "input", unrepresentable: "any" }) as JsonSchema;
}

function isValid(schema: ZodType | undefined, value: unknown): boolean {
  return schema === undefined || schema.safeParse(value).success;
}

/** Is this a body Fastify's JSON parser accepts (what the route's validation then sees)? */
function parsedJson(text: string): { ok: true; value: unknown } | { ok: false } {
  try {
    // Fastify's JSON parser skips a leading byte order mark.
    return { ok: true, value: JSON.parse(text.replace(/^\ufeff/, "")) as unknown };
  } catch {
    return { ok: false };
  }
}

/** Lone surrogates cannot be percent-encoded; a client's UTF-8 encoder sends U+FFFD for them. */
function wellFormed(value: string): string {
  return value.replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, "\ufffd");
}
const encode = (value: string) => encodeURIComponent(wellFormed(value));

const paramNames = (url: string) => [...url.matchAll(/:(\w+)/g)].map((match) => match[1]!);

function fillUrl(url: string, values: Record<string, string>): string {
  // Better Auth's catch-all is aimed at sign-up, the endpoint anyone can reach.
  return url.replace(/:(\w+)/g, (_whole, name: string) => values[name] ?? "x").replace(/\*$/, "sign-up/email");
}

/** Header values HTTP can carry (visible ASCII, space, tab and Latin-1 bytes); inject cannot send what a real client could not. */
const headerValue: fc.Arbitrary<string> = fc.oneof(
  fc.string({ unit: fc.integer({ min: 0x20, max: 0x7e }).map((code) => String.fromCharCode(code)), maxLength: 200 }),
  fc.string({ unit: fc.integer({ min: 0xa0, max: 0xff }).map((code) => String.fromCharCode(code)), maxLength: 40 }),
  fc.integer({ min: 1000, max: 12_000 }).map((length) => "c".repeat(length)),
  fc.constantFrom("", " ", "null", "undefined", "\t", "=;=;=", "a=b; a=c", "%00", "%zz"),
);

const remoteAddress = fc
  .tuple(fc.integer({ min: 1, max: 250 }), fc.integer({ min: 0, max: 255 }), fc.integer({ min: 0, max: 255 }))
  .map(([a, b, c]) => `10.${a}.${b}.${c}`);

export type Generators = {
  routes: FuzzRoute[];
  known: KnownIds;
  /** Each actor's own session cookie ("name=value"), to tamper with. */
  cookieOf: Record<Exclude<ActorName, "anonymous">, string>;
};

/** Real or plausible values for every param of the route. */
function knownParams(route: FuzzRoute, known: KnownIds): fc.Arbitrary<Record<string, string>> {
  const names = paramNames(route.url);
  return fc
    .tuple(...names.map((name) => fc.constantFrom(...(known[name] ?? ["x"]))))
    .map((values) => Object.fromEntries(names.map((name, index) => [name, values[index]!])));
}

function signedInActor(route: FuzzRoute): fc.Arbitrary<ActorName> {
  return route.access === "signed-in" ? fc.constantFrom("person", "counsellor", "client") : fc.constantFrom(...actorNames);
}

const mustRejectFor = (route: FuzzRoute, actor: ActorName, breaksContract: boolean) =>
  breaksContract || (route.access === "signed-in" && actor === "anonymous");

/** The route's body with one thing broken: a field dropped, of the wrong kind, too long, nasty, an extra key, or the whole body replaced. */
function bodyCase(route: FuzzRoute, known: KnownIds): fc.Arbitrary<Spec> {
  const body = route.schemas.body!;
  const sample = sampleOf(jsonSchemaOf(body));
  const paths = pathsOf(sample);
  const mutation = fc.oneof(
    fc.constant(remove),
    wrongValue,
    hugeString,
    nastyString,
    fc.integer({ min: 100, max: 1000 }).map((depth) => deeplyNested(depth, depth % 2 === 0)),
  );
  return fc
    .record({
      actor: fc.oneof({ weight: 6, arbitrary: signedInActor(route) }, { weight: 1, arbitrary: fc.constant<ActorName>("anonymous") }),
      params: knownParams(route, known),
      pathIndex: fc.nat(),
      mutation,
      extra: fc.option(fc.tuple(extraKey, wrongValue), { freq: 4 }),
    })
    .map(({ actor, params, pathIndex, mutation, extra }) => {
      const path = paths[pathIndex % paths.length]!;
      let value = withValueAt(sample, path, mutation);
      if (extra && value !== null && typeof value === "object" && !Array.isArray(value)) value = { ...value, [extra[0]]: extra[1] };
      const text = value === undefined ? "" : JSON.stringify(value);
      const parsed = parsedJson(text);
      const breaks = !parsed.ok || !isValid(body, parsed.value) || !isValid(route.schemas.params, params);
      return {
        kind: "body",
        route: `${route.method} ${route.url}`,
        actor,
        method: route.method,
        url: fillUrl(route.url, params),
        headers: { origin, "content-type": "application/json" },
        payload: text,
        mustReject: mustRejectFor(route, actor, breaks),
      };
    });
}

/** One path param replaced by a bad id: too long, nasty, encoded or not, another route's id. */
function paramsCase(route: FuzzRoute, known: KnownIds): fc.Arbitrary<Spec> {
  const names = paramNames(route.url);
  const allKnown = Object.values(known).flat();
  const badId = fc.oneof(nastyString, hugeString, fc.uuid(), fc.constantFrom(...allKnown), fc.string({ maxLength: 8 }));
  const body = route.schemas.body ? JSON.stringify(sampleOf(jsonSchemaOf(route.schemas.body))) : undefined;
  return fc
    .record({ actor: fc.constantFrom(...actorNames), params: knownParams(route, known), which: fc.nat(), bad: badId, raw: fc.boolean() })
    .map(({ actor, params, which, bad, raw }) => {
      const name = names[which % names.length]!;
      const encoded = Object.fromEntries(Object.entries(params).map(([key, value]) => [key, encode(value)]));
      encoded[name] = raw ? bad : encode(bad);
      // A raw value other than visible ASCII can change which route matches (a slash, a query, a fragment,
      // a bad escape, bytes the router reads its own way): then only "no server error" is asked.
      const routable = !raw || (/^[\x21-\x7e]+$/.test(bad) && !/[/?#%.]/.test(bad));
      const decoded = { ...params, [name]: wellFormed(bad) };
      const breaks = routable && bad !== "" && !isValid(route.schemas.params, decoded);
      const spec: Spec = {
        kind: raw ? "params-raw" : "params",
        route: `${route.method} ${route.url}`,
        actor,
        method: route.method,
        url: fillUrl(route.url, encoded),
        headers: { origin },
        mustReject: mustRejectFor(route, actor, breaks),
      };
      if (body !== undefined) {
        spec.headers["content-type"] = "application/json";
        spec.payload = body;
      }
      return spec;
    });
}

/** A query string with garbage: the contract's keys with bad values, repeated keys, unknown keys. */
function queryCase(route: FuzzRoute, known: KnownIds): fc.Arbitrary<Spec> {
  const schema = route.schemas.querystring;
  const keys = schema ? Object.keys((jsonSchemaOf(schema).properties ?? {}) as object) : [];
  const key = keys.length > 0 ? fc.oneof(fc.constantFrom(...keys), extraKey) : extraKey;
  const value = fc.oneof(nastyString, hugeString, fc.integer().map(String), fc.constantFrom("true", "false", "asc", "we", "safety", "0", "101", "1.5", "-1"));
  return fc
    .record({ actor: fc.constantFrom(...actorNames), params: knownParams(route, known), pairs: fc.array(fc.tuple(key, value), { minLength: 1, maxLength: 6 }) })
    .map(({ actor, params, pairs }) => {
      const search = new URLSearchParams(pairs);
      const query: Record<string, string | string[]> = {};
      for (const [name, entry] of search) {
        const previous = query[name];
        query[name] = previous === undefined ? entry : [previous, entry].flat();
      }
      // Fastify's query parser and URLSearchParams agree on plain strings; only those are judged.
      const judged = schema !== undefined && !pairs.some(([name, entry]) => /[%+]/.test(name + entry) || (name + entry).includes("\u0000") || name === "");
      const breaks = judged && !isValid(schema, query);
      const spec: Spec = {
        kind: "query",
        route: `${route.method} ${route.url}`,
        actor,
        method: route.method,
        url: `${fillUrl(route.url, params)}?${search.toString()}`,
        headers: { origin },
        mustReject: mustRejectFor(route, actor, breaks),
      };
      if (route.schemas.body) {
        spec.headers["content-type"] = "application/json";
        spec.payload = JSON.stringify(sampleOf(jsonSchemaOf(route.schemas.body)));
      }
      return spec;
    });
}

/** A body of a type the API does not speak, JSON that does not parse, or raw bytes that are not UTF-8. */
function contentTypeCase(route: FuzzRoute, known: KnownIds): fc.Arbitrary<Spec> {
  const unsupported = fc.constantFrom(
    "text/plain",
    "application/x-www-form-urlencoded",
    "multipart/form-data; boundary=x",
    "application/xml",
    "text/html",
    "application/octet-stream",
    "image/png",
    "*/*",
    "garbage",
    "application/jsonx",
  );
  const jsonType = fc.constantFrom(
    "application/json",
    "application/json; charset=utf-8",
    "APPLICATION/JSON",
    "application/json;charset=latin1",
    "application/json; charset=utf-16",
  );
  const bytes = fc.uint8Array({ minLength: 0, maxLength: 300 }).map((array) => Buffer.from(array));
  const invalidUtf8Json = fc.constantFrom(
    Buffer.from([0x7b, 0x22, 0x63, 0x6f, 0x64, 0x65, 0x22, 0x3a, 0x22, 0xff, 0xfe, 0xc3, 0x28, 0x22, 0x7d]),
    Buffer.from([0xef, 0xbb, 0xbf, 0x7b, 0x7d]),
    Buffer.from([0xc0, 0xaf, 0xed, 0xa0, 0x80]),
  );
  const brokenJson = fc.constantFrom(
    "{",
    '{"a":',
    "[1,2",
    "{'a':1}",
    "nul",
    '{"a":1}}',
    "\u0000",
    '{"__proto__":{"x":1}}',
    '{"constructor":{"prototype":{"x":1}}}',
    "",
    " ",
    "NaN",
    '{"a":1,}',
  );
  return fc
    .record({
      actor: fc.constantFrom(...actorNames),
      params: knownParams(route, known),
      choice: fc.oneof(
        fc.record({ type: unsupported, body: fc.oneof(fc.string({ maxLength: 200 }), bytes) }),
        fc.record({ type: jsonType, body: fc.oneof(brokenJson, bytes, invalidUtf8Json) }),
      ),
    })
    .map(({ actor, params, choice }) => {
      const isJsonType = /^application\/json/i.test(choice.type);
      const text = Buffer.isBuffer(choice.body) ? choice.body.toString("utf8") : choice.body;
      // Unsupported types are refused (415); JSON that does not parse is refused (400), prototype keys too (400).
      const breaks = !isJsonType || (!/charset/i.test(choice.type) && (!parsedJson(text).ok || text.includes("__proto__") || text.includes("constructor")));
      return {
        kind: "content-type",
        route: `${route.method} ${route.url}`,
        actor,
        method: route.method,
        url: fillUrl(route.url, params),
        headers: { origin, "content-type": choice.type },
        payload: choice.body,
        mustReject: mustRejectFor(route, actor, breaks),
      };
    });
}

/** A body over the 64 KiB limit: 413 before anything reads it. */
function oversizeCase(route: FuzzRoute, known: KnownIds): fc.Arbitrary<Spec> {
  return fc
    .record({
      actor: fc.constantFrom(...actorNames),
      params: knownParams(route, known),
      size: fc.integer({ min: 64 * 1024 + 1, max: 300 * 1024 }),
      unit: fc.constantFrom("x", "é", "\u0000"),
    })
    .map(({ actor, params, size, unit }) => ({
      kind: "oversize",
      route: `${route.method} ${route.url}`,
      actor,
      method: route.method,
      url: fillUrl(route.url, params),
      headers: { origin, "content-type": "application/json" },
      payload: JSON.stringify({ code: unit.repeat(size) }),
      mustReject: true,
    }));
}

/** Garbage, tampered, huge or many cookies instead of the actor's session: 401 on a signed-in route. */
function cookieCase(route: FuzzRoute, known: KnownIds, cookieOf: Generators["cookieOf"]): fc.Arbitrary<Spec> {
  const tampered = fc
    .record({
      whose: fc.constantFrom("person", "counsellor", "client") as fc.Arbitrary<keyof typeof cookieOf>,
      at: fc.nat(),
      to: fc.constantFrom("A", "b", "0", "-", "%"),
    })
    .map(({ whose, at, to }) => {
      // One character of the session token (before the signature: a changed last base64 character can decode to the same signature bytes).
      const cookie = cookieOf[whose];
      const start = cookie.indexOf("=") + 1;
      const tokenEnd = cookie.indexOf(".", start) > start ? cookie.indexOf(".", start) : cookie.length;
      const index = start + (at % Math.max(1, tokenEnd - start));
      const replaced = cookie[index] === to ? (to === "A" ? "B" : "A") : to;
      return cookie.slice(0, index) + replaced + cookie.slice(index + 1);
    });
  const cookie = fc.oneof(
    headerValue,
    headerValue.map((value) => `better-auth.session_token=${value}`),
    headerValue.map((value) => `__Host-better-auth.session_token=${value}`),
    tampered,
    fc
      .array(
        headerValue.map((value) => `k=${value}`),
        { maxLength: 50 },
      )
      .map((parts) => parts.join("; ")),
  );
  return fc.record({ actor: fc.constantFrom(...actorNames), params: knownParams(route, known), cookie }).map(({ actor, params, cookie }) => {
    const spec: Spec = {
      kind: "cookie",
      route: `${route.method} ${route.url}`,
      actor,
      method: route.method,
      url: fillUrl(route.url, params),
      headers: { origin },
      cookie,
      mustReject: route.access === "signed-in",
    };
    if (route.schemas.body) {
      spec.headers["content-type"] = "application/json";
      spec.payload = JSON.stringify(sampleOf(jsonSchemaOf(route.schemas.body)));
    }
    return spec;
  });
}

/** The actor's own session with garbage in other headers: origin, idempotency key, accept, forwarded address, user agent. */
function headerCase(route: FuzzRoute, known: KnownIds): fc.Arbitrary<Spec> {
  const name = fc.constantFrom(
    "origin",
    "idempotency-key",
    "accept",
    "accept-language",
    "x-forwarded-for",
    "user-agent",
    "sec-fetch-site",
    "if-none-match",
    "range",
    "x-request-id",
    "authorization",
  );
  return fc
    .record({
      actor: fc.constantFrom(...actorNames),
      params: knownParams(route, known),
      headers: fc.array(fc.tuple(name, headerValue), { minLength: 1, maxLength: 4 }),
    })
    .map(({ actor, params, headers }) => {
      const spec: Spec = {
        kind: "headers",
        route: `${route.method} ${route.url}`,
        actor,
        method: route.method,
        url: fillUrl(route.url, params),
        headers: { origin, ...Object.fromEntries(headers) },
        mustReject: route.access === "signed-in" && actor === "anonymous",
      };
      if (bodyMethods.has(route.method) && spec.headers.origin !== origin && route.url.startsWith("/api/") && !route.url.startsWith("/api/auth/"))
        spec.mustReject = true;
      if (route.schemas.body) {
        spec.headers["content-type"] = "application/json";
        spec.payload = JSON.stringify(sampleOf(jsonSchemaOf(route.schemas.body)));
      }
      return spec;
    });
}

/** Better Auth's endpoints that end the caller's session or account: signed-in actors do not send garbage there, so they keep their sessions. */
const sessionEnding = ["sign-out", "revoke-session", "revoke-sessions", "revoke-other-sessions", "delete-user", "organization/leave", "organization/delete"];
const authEndpoints = [
  "sign-in/email",
  "sign-up/email",
  "get-session",
  "list-sessions",
  "update-user",
  "change-password",
  "change-email",
  "request-password-reset",
  "forget-password",
  "reset-password",
  "verify-email",
  "send-verification-email",
  "two-factor/enable",
  "two-factor/disable",
  "two-factor/verify-totp",
  "two-factor/verify-backup-code",
  "two-factor/get-totp-uri",
  "two-factor/generate-backup-codes",
  "organization/create",
  "organization/update",
  "organization/invite-member",
  "organization/accept-invitation",
  "organization/reject-invitation",
  "organization/cancel-invitation",
  "organization/get-full-organization",
  "organization/list",
  "organization/set-active",
  "organization/remove-member",
  "organization/update-member-role",
  "organization/list-invitations",
  "organization/get-invitation",
  "organization/check-slug",
  "no-such-endpoint",
  ...sessionEnding,
];
const authFields = [
  "email",
  "password",
  "name",
  "code",
  "token",
  "newPassword",
  "currentPassword",
  "organizationId",
  "invitationId",
  "memberId",
  "role",
  "slug",
  "callbackURL",
  "rememberMe",
  "trustDevice",
  "sessionToken",
  "image",
];

/** Garbage to Better Auth: wrong kinds for the fields its endpoints read, or no object at all. */
function authCase(): fc.Arbitrary<Spec> {
  const body = fc.oneof(
    wrongValue,
    fc.dictionary(fc.constantFrom(...authFields), wrongValue, { maxKeys: 6 }),
    fc.dictionary(fc.constantFrom(...authFields), nastyString, { maxKeys: 6 }),
  );
  return fc
    .record({
      actor: fc.constantFrom(...actorNames),
      endpoint: fc.constantFrom(...authEndpoints),
      method: fc.constantFrom("GET", "POST", "POST"),
      body,
      query: fc.option(fc.array(fc.tuple(fc.constantFrom(...authFields), nastyString), { maxLength: 4 })),
      address: remoteAddress,
    })
    .map(({ actor, endpoint, method, body, query, address }) => {
      const signedOutForThis = actor !== "anonymous" && sessionEnding.includes(endpoint) ? "anonymous" : actor;
      const search = query ? `?${new URLSearchParams(query).toString()}` : "";
      const spec: Spec = {
        kind: "auth",
        route: `${method} /api/auth/*`,
        actor: signedOutForThis,
        method,
        url: `/api/auth/${endpoint}${search}`,
        headers: { origin },
        mustReject: false,
        remoteAddress: address,
      };
      if (method === "POST") {
        spec.headers["content-type"] = "application/json";
        spec.payload = JSON.stringify(body) ?? "null";
      }
      return spec;
    });
}

/** Anything at all: a random method and path, with or without a body. */
function randomCase(): fc.Arbitrary<Spec> {
  const segment = fc.oneof(
    fc.constantFrom("api", "auth", "practices", "clients", "couple", "..", ".", "%2e%2e", "%00", "export.csv", "*"),
    fc.webSegment(),
    nastyString.map(encode),
  );
  return fc
    .record({
      actor: fc.constantFrom(...actorNames),
      method: fc.constantFrom("GET", "POST", "PUT", "DELETE", "PATCH", "OPTIONS", "HEAD"),
      segments: fc.array(segment, { minLength: 1, maxLength: 6 }),
      body: fc.option(fc.jsonValue({ maxDepth: 3 })),
    })
    .map(({ actor, method, segments, body }) => {
      const spec: Spec = { kind: "random", route: "none", actor, method, url: `/${segments.join("/")}`, headers: { origin }, mustReject: false };
      if (body !== null && bodyMethods.has(method)) {
        spec.headers["content-type"] = "application/json";
        spec.payload = JSON.stringify(body);
      }
      return spec;
    });
}

/** Every kind of bad request that applies to the route, weighted towards breaking its contract. */
function routeCases(route: FuzzRoute, generators: Generators): fc.Arbitrary<Spec> {
  const { known, cookieOf } = generators;
  const cases: Array<fc.WeightedArbitrary<Spec>> = [
    { weight: 2, arbitrary: queryCase(route, known) },
    { weight: route.access === "signed-in" ? 2 : 1, arbitrary: cookieCase(route, known, cookieOf) },
    { weight: 1, arbitrary: headerCase(route, known) },
  ];
  if (route.schemas.body) cases.push({ weight: 8, arbitrary: bodyCase(route, known) });
  if (paramNames(route.url).length > 0) cases.push({ weight: 4, arbitrary: paramsCase(route, known) });
  if (bodyMethods.has(route.method)) {
    cases.push({ weight: 3, arbitrary: contentTypeCase(route, known) });
    cases.push({ weight: 1, arbitrary: oversizeCase(route, known) });
  }
  return fc.oneof(...cases);
}

/** The whole mix: each declared route's cases, Better Auth's endpoints, and random requests. */
export function fuzzRequests(generators: Generators): fc.Arbitrary<Spec> {
  return fc.oneof(
    { weight: 12, arbitrary: fc.constantFrom(...generators.routes).chain((route) => routeCases(route, generators)) },
    { weight: 2, arbitrary: authCase() },
    { weight: 1, arbitrary: randomCase() },
  );
}
