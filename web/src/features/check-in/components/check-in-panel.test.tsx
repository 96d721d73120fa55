import { screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, describe, expect, it, onTestFinished, vi } from "vitest";
import { onlineManager } from "@tanstack/react-query";
import { renderRoutes, stubFetch } from "../../../testing/render";
import { sharingAnswers } from "../../../testing/sharing";
import { CheckInPanel } from "./check-in-panel";
import { consentNotGiven } from "../../../testing/factories";
import { useMemoryOfflineStore } from "../../../lib/offline-check-ins";

const TIME_ZONE = Intl.DateTimeFormat().resolvedOptions().timeZone;
const CURRENT = `GET /api/check-ins/current?timeZone=${encodeURIComponent(TIME_ZONE)}`;
const empty = { status: 200, body: { week: "2026-W48", timeZone: TIME_ZONE, checkIn: null } };

/** Wraps the stub so each call's Idempotency-Key header is recorded too. */
function recordIdempotencyKeys() {
  const keys: Array<string | null> = [];
  const inner = globalThis.fetch;
  globalThis.fetch = ((input: RequestInfo | URL, init?: RequestInit) => {
    if (init?.method === "PUT") keys.push(new Headers(init.headers).get("Idempotency-Key"));
    return inner(input, init);
  }) as typeof fetch;
  return keys;
}

afterEach(() => vi.restoreAllMocks());

describe("CheckInPanel", () => {
  it("shows the week, labelled radio groups and a private note", async () => {
    stubFetch({ [CURRENT]: empty });
    renderRoutes([{ path: "/check-in", element: <CheckInPanel /> }], "/check-in");
    expect(await screen.findByText("This week (2026-W48)")).toBeInTheDocument();
    expect(screen.getByRole("group", { name: /feel your partner listened/ })).toBeInTheDocument();
    // The practices after the first come just after it (decision 094).
    await waitFor(() => expect(screen.getAllByRole("radio", { name: "Very strong" })).toHaveLength(2));
    expect(screen.getByLabelText(/hours did you spend with friends or family/)).toHaveAttribute("step", "0.5");
    expect(screen.getByLabelText("A note (optional)")).toHaveAccessibleDescription(/It is stored encrypted./);
  });

  it("says who can read the note from what is shared now: a counsellor with the notes scope can, a partner never", async () => {
    for (const [counsellorScopes, sentence] of [
      [
        ["profile", "check-ins", "safety"],
        /^It is stored encrypted\. Right now only you can see your check-in notes\. A partner can never see your check-in notes\./,
      ],
      [
        ["notes"],
        /^It is stored encrypted\. Right now you and Dr Lee \(your counsellor at Clear Path\) can see your check-in notes\. A partner can never see your check-in notes\./,
      ],
    ] as const) {
      stubFetch({ [CURRENT]: empty, ...sharingAnswers({ partnerScopes: ["overview", "dimensions", "check-in-trends", "exercises"], counsellorScopes }) });
      const view = renderRoutes([{ path: "/check-in", element: <CheckInPanel /> }], "/check-in");
      const note = await screen.findByLabelText("A note (optional)");
      await waitFor(() => expect(note).toHaveAccessibleDescription(sentence));
      view.unmount();
    }
  });

  it("sends the time zone and an idempotency key, keeps everything on a failed save, and retries with the same key", async () => {
    let attempts = 0;
    const calls = stubFetch({
      [CURRENT]: empty,
      "PUT /api/check-ins/current": (body) => {
        attempts += 1;
        return attempts === 1
          ? { status: 503, body: { error: { code: "UNAVAILABLE", message: "busy" } } }
          : {
              status: 200,
              body: {
                week: "2026-W48",
                timeZone: TIME_ZONE,
                checkIn: { answers: (body as { answers: object }).answers, note: "a calm week", updatedAt: "2026-11-24T02:00:00.000Z" },
              },
            };
      },
    });
    const keys = recordIdempotencyKeys();
    renderRoutes([{ path: "/check-in", element: <CheckInPanel /> }], "/check-in");
    const spokeUp = await screen.findByRole("group", { name: /say what was on your mind/ });
    await userEvent.click(screen.getAllByRole("radio", { name: "A lot" })[0]!);
    expect(spokeUp).toContainElement(screen.getAllByRole("radio", { name: "A lot" })[0]!);
    await userEvent.type(screen.getByLabelText(/hours did you spend/), "3.5");
    await userEvent.type(screen.getByLabelText("A note (optional)"), "a calm week");
    await userEvent.click(screen.getByRole("button", { name: "Save check-in" }));

    expect(await screen.findByRole("alert")).toHaveTextContent("Everything you entered is still here.");
    expect(screen.getAllByRole("radio", { name: "A lot" })[0]).toBeChecked();
    expect(screen.getByLabelText(/hours did you spend/)).toHaveValue(3.5);
    expect(screen.getByLabelText("A note (optional)")).toHaveValue("a calm week");

    await userEvent.click(screen.getByRole("button", { name: "Try saving again" }));
    expect(await screen.findByText(/Saved\./)).toBeInTheDocument();
    const puts = calls.filter((call) => call.method === "PUT");
    expect(puts).toHaveLength(2);
    expect(puts[0]?.body).toEqual({
      timeZone: TIME_ZONE,
      answers: {
        spokeUp: 3,
        feltHeard: null,
        backedPartner: null,
        feltBacked: null,
        wePulse: null,
        mePulse: null,
        friendsFamilyHours: 3.5,
        note: "a calm week",
      },
    });
    expect(keys[0]).toMatch(/^[0-9a-f-]{32,36}$/);
    expect(keys[1]).toBe(keys[0]);
  });

  it("uses a new key once the answers change", async () => {
    stubFetch({ [CURRENT]: empty, "PUT /api/check-ins/current": { status: 503, body: { error: { code: "UNAVAILABLE", message: "busy" } } } });
    const keys = recordIdempotencyKeys();
    renderRoutes([{ path: "/check-in", element: <CheckInPanel /> }], "/check-in");
    await userEvent.click((await screen.findAllByRole("radio", { name: "Somewhat" }))[0]!);
    await userEvent.click(screen.getByRole("button", { name: "Save check-in" }));
    await screen.findByRole("alert");
    await userEvent.click(screen.getAllByRole("radio", { name: "Fully" })[0]!);
    await userEvent.click(screen.getByRole("button", { name: "Save check-in" }));
    await waitFor(() => expect(keys).toHaveLength(2));
    expect(keys[1]).not.toBe(keys[0]);
  });

  it("refuses hours that are not in half-hour steps, before asking the server", async () => {
    const calls = stubFetch({ [CURRENT]: empty });
    renderRoutes([{ path: "/check-in", element: <CheckInPanel /> }], "/check-in");
    await userEvent.type(await screen.findByLabelText(/hours did you spend/), "2.3");
    await userEvent.click(screen.getByRole("button", { name: "Save check-in" }));
    expect(screen.getByText(/in steps of half an hour/)).toBeInTheDocument();
    expect(calls.filter((call) => call.method === "PUT")).toHaveLength(0);
  });

  it("fills the form with this week's saved answers", async () => {
    stubFetch({
      [CURRENT]: {
        status: 200,
        body: {
          week: "2026-W48",
          timeZone: TIME_ZONE,
          checkIn: { answers: { wePulse: 6, friendsFamilyHours: 4 }, note: "dinner with Mei", updatedAt: "2026-11-24T02:00:00.000Z" },
        },
      },
    });
    renderRoutes([{ path: "/check-in", element: <CheckInPanel /> }], "/check-in");
    expect(await screen.findByText(/already checked in this week/)).toBeInTheDocument();
    // The practices after the first come just after it (decision 094).
    expect(await screen.findByLabelText(/hours did you spend/)).toHaveValue(4);
    expect(screen.getAllByRole("radio", { name: "Strong" })[0]).toBeChecked();
    expect(screen.getByLabelText("A note (optional)")).toHaveValue("dinner with Mei");
  });

  it("sends a person who has not agreed to the notice there first, before they type anything", async () => {
    stubFetch({ [CURRENT]: empty, "GET /api/consent": { status: 200, body: consentNotGiven("2026-11-24") } });
    renderRoutes([{ path: "/check-in", element: <CheckInPanel /> }], "/check-in");
    expect(await screen.findByRole("link", { name: "Read how your answers are kept" })).toHaveAttribute("href", "/consent?next=%2Fcheck-in");
    expect(screen.queryByRole("button", { name: "Save check-in" })).not.toBeInTheDocument();
  });

  it.each([
    ["the browser still thinks it is online", true],
    ["the browser knows it is offline (the save is not paused until the connection returns)", false],
  ])("keeps the answers on the device, without the note, when there is no connection, and says so: %s", async (_case, browserOnline) => {
    onTestFinished(() => onlineManager.setOnline(true));
    const store = useMemoryOfflineStore();
    stubFetch({
      [CURRENT]: empty,
      "GET /api/me": {
        status: 200,
        body: {
          user: { id: "u1", name: "Sam", email: "sam@example.test", emailVerified: true, twoFactorEnabled: false, createdAt: "2026-11-24T00:00:00.000Z" },
        },
      },
    });
    const online = globalThis.fetch;
    globalThis.fetch = ((input: RequestInfo | URL, init?: RequestInit) =>
      init?.method === "PUT" ? Promise.reject(new TypeError("Failed to fetch")) : online(input, init)) as typeof fetch;
    renderRoutes([{ path: "/check-in", element: <CheckInPanel /> }], "/check-in");
    await userEvent.type(await screen.findByLabelText("A note (optional)"), "kept off the device");
    // The connection goes after the page has loaded, as on a train.
    onlineManager.setOnline(browserOnline);
    await userEvent.click(screen.getByRole("button", { name: "Save check-in" }));
    expect(await screen.findByText(/^You are offline\. Your answers are kept on this device/)).toBeInTheDocument();
    expect(screen.getByText(/Your note is not kept on the device/)).toBeInTheDocument();
    const kept = await store.read();
    expect(kept).toMatchObject({ userId: "u1", timeZone: TIME_ZONE });
    expect(JSON.stringify(kept)).not.toContain("kept off the device");
  });

  it("still shows the form when this week's check-in cannot be loaded for want of a connection", async () => {
    stubFetch({});
    globalThis.fetch = (() => Promise.reject(new TypeError("Failed to fetch"))) as typeof fetch;
    renderRoutes([{ path: "/check-in", element: <CheckInPanel /> }], "/check-in");
    expect(await screen.findByText(/You are offline\. You can still fill this in/)).toBeInTheDocument();
    expect(await screen.findByRole("button", { name: "Save check-in" })).toBeInTheDocument();
  });
});
