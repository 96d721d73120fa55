// The fetch stub of the web tests, typed and checked against core's contracts (issue 20): a
// success answer for a route the server declares must have the shape that route's contract
// gives, both when the test is type-checked (the body's type comes from the route's schema) and
// when it runs (the body is parsed with that schema). A fixture that drifts from the API fails
// its test instead of passing against an answer the server would never send.
import { apiResponses, type ApiRoute, type ApiSuccessBody } from "@mutual/core";

/** "GET /api/practices/:practiceId" as the paths a test writes: "GET /api/practices/p1". */
type Filled<Pattern extends string> = Pattern extends `${infer Head}:${string}/${infer Rest}`
  ? `${Head}${string}/${Filled<Rest>}`
  : Pattern extends `${infer Head}:${string}`
    ? `${Head}${string}`
    : Pattern;

/** The declared routes a "METHOD path" written in a test can be (a query string is allowed). */
type RoutesMatching<Key extends string> = { [Route in ApiRoute]: Key extends Filled<Route> | `${Filled<Route>}?${string}` ? Route : never }[ApiRoute];

/** The success body a route's contract allows; unknown for routes without one (Better Auth's, deletions). */
export type SuccessBodyOf<Key extends string> = [RoutesMatching<Key>] extends [never] ? unknown : ApiSuccessBody<RoutesMatching<Key>>;

/** What the API sends with a refusal (core's error contract), or nothing at all. */
type FailureBody = { error: { code: string; message: string; fields?: unknown } } | Record<string, never>;
/**
 * A status and a body: the route's success body or a refusal. The status is a plain number so
 * fixtures can be written once and reused; the run-time check below ties a 2xx to the success body.
 */
export type FakeResponse<Body = unknown> = { status: number; body: Body | FailureBody };
export type FakeAnswer<Key extends string> = FakeResponse<SuccessBodyOf<Key>> | ((body: unknown) => FakeResponse<SuccessBodyOf<Key>>);
export type FakeAnswers<Keys extends string = string> = { [Key in Keys]: FakeAnswer<Key> };

const routePatterns = (Object.keys(apiResponses) as ApiRoute[]).map((route) => {
  const [method, path = ""] = route.split(" ");
  const segments = path.split("/").map((segment) => (segment.startsWith(":") ? "[^/]+" : segment.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")));
  return { route, method, pattern: new RegExp(`^${segments.join("/")}$`), literal: !path.includes(":") };
});

/** The declared route a request goes to: a literal path wins over one with parameters, as in the server's router. */
function routeOf(method: string, url: string): ApiRoute | undefined {
  const path = url.split("?")[0] ?? url;
  const matches = routePatterns.filter((entry) => entry.method === method && entry.pattern.test(path));
  return (matches.find((entry) => entry.literal) ?? matches[0])?.route;
}

const problems: string[] = [];

/** Fixtures found unlike their route's contract since the last call; the test setup fails the test on any. */
export function takeFixtureProblems(): string[] {
  return problems.splice(0);
}

function checkSuccessBody(method: string, url: string, status: number, body: unknown): void {
  if (status < 200 || status > 299) return;
  const route = routeOf(method, url);
  if (!route) return;
  const contract = apiResponses[route];
  if (status !== contract.status) problems.push(`${method} ${url}: the server answers ${contract.status} on success, the test said ${status}`);
  const parsed = contract.schema.safeParse(body);
  if (!parsed.success)
    problems.push(
      `${method} ${url}: the fixture is not what ${route} sends: ${parsed.error.issues.map((issue) => `${issue.path.join(".")} ${issue.message}`).join("; ")}`,
    );
}

/** Replaces fetch with answers by "METHOD path"; records every call. */
export function stubFetch<Keys extends string>(answers: FakeAnswers<Keys>) {
  const calls: Array<{ method: string; path: string; body: unknown }> = [];
  const table: Record<string, FakeAnswer<string> | undefined> = answers;
  const fetchStub = async (input: RequestInfo | URL, init?: RequestInit) => {
    const path = typeof input === "string" ? input : input.toString();
    const method = init?.method ?? "GET";
    const body = init?.body ? JSON.parse(String(init.body)) : undefined;
    calls.push({ method, path, body });
    const answer = table[`${method} ${path}`];
    const resolved = typeof answer === "function" ? answer(body) : (answer ?? { status: 404, body: { error: { code: "NOT_FOUND", message: "none" } } });
    checkSuccessBody(method, path, resolved.status, resolved.body);
    return new Response(resolved.status === 204 ? null : JSON.stringify(resolved.body), {
      status: resolved.status,
      headers: { "content-type": "application/json" },
    });
  };
  globalThis.fetch = fetchStub as typeof fetch;
  return calls;
}
