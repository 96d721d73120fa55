import { QueryClient } from "@tanstack/react-query";
import { render } from "@testing-library/react";
import type { ReactElement } from "react";
import { createMemoryRouter, RouterProvider, type RouteObject } from "react-router";
import { AppProvider } from "../app/provider";

/** Renders UI inside the app's providers with a fresh query cache and no retries. */
export function renderWithProviders(ui: ReactElement) {
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false }, mutations: { retry: false } } });
  return render(<AppProvider queryClient={queryClient}>{ui}</AppProvider>);
}

/** Renders routes at a path, as the app would show them. */
export function renderRoutes(routes: RouteObject[], path: string) {
  const router = createMemoryRouter(routes, { initialEntries: [path] });
  return { router, ...renderWithProviders(<RouterProvider router={router} />) };
}

type FakeResponse = { status: number; body: unknown };

/** Replaces fetch with answers by "METHOD path"; records every call. */
export function stubFetch(answers: Record<string, FakeResponse | ((body: unknown) => FakeResponse)>) {
  const calls: Array<{ method: string; path: string; body: unknown }> = [];
  const fetchStub = async (input: RequestInfo | URL, init?: RequestInit) => {
    const path = typeof input === "string" ? input : input.toString();
    const method = init?.method ?? "GET";
    const body = init?.body ? JSON.parse(String(init.body)) : undefined;
    calls.push({ method, path, body });
    const answer = answers[`${method} ${path}`];
    const resolved = typeof answer === "function" ? answer(body) : (answer ?? { status: 404, body: { error: { code: "NOT_FOUND", message: "none" } } });
    return new Response(JSON.stringify(resolved.body), { status: resolved.status, headers: { "content-type": "application/json" } });
  };
  globalThis.fetch = fetchStub as typeof fetch;
  return calls;
}
