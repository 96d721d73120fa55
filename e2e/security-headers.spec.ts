import { expect, takeCspViolations, test } from "./support/fixtures";
import { signUpInBrowser } from "./support/profile-by-api";

// The built app under its real Content Security Policy (no inline script or style): each main
// page renders, and the fixture fails the test on any CSP violation a page reports. The last
// test proves the watch can see one.

const password = "cobalt lantern meadow frost";

function expectStrictPolicy(csp: string | undefined): void {
  expect(csp).toContain("script-src 'self'");
  expect(csp).toContain("style-src 'self'");
  expect(csp).toContain("frame-ancestors 'none'");
  expect(csp).not.toMatch(/unsafe-(inline|eval)/);
}

test("the public pages render under the policy, with the security headers", async ({ page }) => {
  for (const [path, heading] of [
    ["/", "Grow closer without losing yourself"],
    ["/sign-up", "Create your account"],
    ["/sign-in", "Sign in"],
    ["/help", "Get help now"],
    ["/no/such/page", "Page not found"],
  ] as const) {
    const response = await page.goto(path);
    const headers = response?.headers() ?? {};
    expectStrictPolicy(headers["content-security-policy"]);
    expect(headers["x-content-type-options"]).toBe("nosniff");
    expect(headers["referrer-policy"]).toBe("no-referrer");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(heading);
    await page.waitForLoadState("networkidle");
  }
});

test("the signed-in pages render under the policy", async ({ page }) => {
  await signUpInBrowser(page, "Rin", `csp-${Date.now()}@example.test`, password);
  for (const path of [
    "/account",
    "/account/data-views",
    "/account/two-factor",
    "/consent",
    "/check-in",
    "/trends",
    "/practices",
    "/partner",
    "/practice",
    "/counselling",
  ]) {
    const response = await page.goto(path);
    expectStrictPolicy(response?.headers()["content-security-policy"]);
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    await page.waitForLoadState("networkidle");
  }
});

test("the policy is enforced, and a violation is seen: an injected inline script does not run", async ({ page }) => {
  await page.goto("/help");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Get help now");
  // Browser code as text: the e2e project is type-checked without the DOM library.
  await page.evaluate(`(() => {
    const script = document.createElement("script");
    script.textContent = "window.__injected = true;";
    document.body.append(script);
  })()`);
  // Chromium reports it twice: its own console line, and the page's securitypolicyviolation
  // event (logged by the fixture). Both must have arrived before the test ends, or the fixture
  // would count a late one as a real violation.
  const seen: string[] = [];
  await expect
    .poll(() => {
      seen.push(...takeCspViolations());
      return [/Content Security Policy directive 'script-src 'self''/, /CSP violation: script-src(-elem)? blocked inline/].map((pattern) =>
        seen.some((line) => pattern.test(line)),
      );
    })
    .toEqual([true, true]);
  // A blocked inline script never runs, and an allowed one would have run as it was appended.
  expect(await page.evaluate("window.__injected === true")).toBe(false);
});

test("the built server publishes security.txt and the policy it points to", async ({ request, baseURL }) => {
  const txt = await request.get("/.well-known/security.txt");
  expect(txt.status()).toBe(200);
  const body = await txt.text();
  expect(body).toMatch(/^Contact: mailto:security@localhost$/m);
  expect(body).toContain(`Canonical: ${baseURL}/.well-known/security.txt`);
  expect(body).toContain(`Policy: ${baseURL}/security-policy.txt`);
  // The policy is found next to the built server too, not only from the sources the integration tests run.
  const policy = await request.get("/security-policy.txt");
  expect(policy.status()).toBe(200);
  expect(await policy.text()).toContain("# Security policy");
});
