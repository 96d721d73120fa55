import { screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import { renderRoutes, stubFetch } from "../../../testing/render";
import { ReminderPrompt } from "./reminder-prompt";
import { ReminderSettingsPanel } from "./reminder-settings";

const zone = Intl.DateTimeFormat().resolvedOptions().timeZone || "UTC";
const off = {
  settings: { enabled: false, weekday: 1, time: "09:00", timeZone: zone, channel: "email", quietHours: null },
  nextAt: null,
  isSnoozed: false,
  hasAnsweredPrompt: false,
};
const path = `/api/reminders?timeZone=${encodeURIComponent(zone)}`;

describe("the weekly reminder settings", () => {
  it("start off, and send the whole choice when saved", async () => {
    const calls = stubFetch({
      [`GET ${path}`]: { status: 200, body: off },
      "PUT /api/reminders": (body) => ({ status: 200, body: { ...off, settings: body, nextAt: "2026-12-09T11:30:00.000Z", hasAnsweredPrompt: true } }),
    });
    renderRoutes([{ path: "/", element: <ReminderSettingsPanel /> }], "/");
    expect(await screen.findByText("Reminders are off.")).toBeInTheDocument();
    await userEvent.click(screen.getByLabelText("Send me a weekly reminder"));
    await userEvent.selectOptions(screen.getByLabelText("Day"), "3");
    await userEvent.click(screen.getByLabelText("Quiet hours: never send between these times"));
    await userEvent.click(screen.getByRole("button", { name: "Save" }));
    await waitFor(() => expect(screen.getByText(/^Next reminder:/)).toBeInTheDocument());
    expect(calls.find((call) => call.method === "PUT")?.body).toEqual({
      ...off.settings,
      enabled: true,
      weekday: 3,
      quietHours: { start: "22:00", end: "07:00" },
    });
  });

  it("say so, and save nothing, when push is chosen in a browser that cannot show notifications", async () => {
    const calls = stubFetch({ [`GET ${path}`]: { status: 200, body: off } });
    renderRoutes([{ path: "/", element: <ReminderSettingsPanel /> }], "/");
    await userEvent.click(await screen.findByLabelText("Send me a weekly reminder"));
    await userEvent.click(screen.getByLabelText("A note on this device"));
    await userEvent.click(screen.getByRole("button", { name: "Save" }));
    expect(await screen.findByText(/This browser cannot show notifications from us/)).toBeInTheDocument();
    expect(calls.some((call) => call.method === "PUT")).toBe(false);
  });

  it("say so when they cannot load", async () => {
    stubFetch({ [`GET ${path}`]: { status: 500, body: { error: { code: "INTERNAL", message: "x" } } } });
    renderRoutes([{ path: "/", element: <ReminderSettingsPanel /> }], "/");
    expect(await screen.findByText("We could not load your reminder.")).toBeInTheDocument();
  });
});

describe("the question after a check-in", () => {
  it("is asked once while reminders are off: showing it is remembered, and 'Not now' puts it away", async () => {
    const calls = stubFetch({
      [`GET ${path}`]: { status: 200, body: off },
      "POST /api/reminders/prompt-answered": { status: 200, body: { ...off, hasAnsweredPrompt: true } },
    });
    renderRoutes([{ path: "/", element: <ReminderPrompt /> }], "/");
    expect(await screen.findByRole("link", { name: "Set a reminder" })).toHaveAttribute("href", "/account/reminders");
    await waitFor(() => expect(calls.filter((call) => call.method === "POST" && call.path === "/api/reminders/prompt-answered")).toHaveLength(1));
    await userEvent.click(screen.getByRole("button", { name: "Not now" }));
    expect(await screen.findByText("All right. You can turn it on any time in your account.")).toBeInTheDocument();
    expect(calls.filter((call) => call.method === "POST")).toHaveLength(1);
  });
});
