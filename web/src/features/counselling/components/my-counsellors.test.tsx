import { screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import { renderWithProviders, stubFetch } from "../../../testing/render";
import { MyCounsellors } from "./my-counsellors";
import type { CounsellingRelationsResponse, CounsellingScope } from "@mutual/core";

const relation = (scopes: CounsellingScope[]): CounsellingRelationsResponse["relations"][number] => ({
  clientId: "c1",
  practice: { name: "Riverside" },
  counsellor: { name: "Carl" },
  kind: "individual",
  scopes,
  since: "2026-11-24T10:00:00.000Z",
});

describe("My counsellors", () => {
  it("says so when I share with nobody", async () => {
    stubFetch({ "GET /api/counselling": { status: 200, body: { relations: [] } } });
    renderWithProviders(<MyCounsellors />);
    expect(await screen.findByText("You do not share anything with a counsellor.")).toBeInTheDocument();
  });

  it("shows what each counsellor sees and saves a change as the whole set", async () => {
    let current: CounsellingScope[] = ["profile", "check-ins"];
    const calls = stubFetch({
      "GET /api/counselling": () => ({ status: 200, body: { relations: [relation(current)] } }),
      "PUT /api/counselling/c1/scopes": (body) => {
        current = (body as { scopes: CounsellingScope[] }).scopes;
        return { status: 200, body: { relations: [relation(current)] } };
      },
    });
    renderWithProviders(<MyCounsellors />);
    expect(await screen.findByRole("heading", { name: "Carl at Riverside" })).toBeInTheDocument();
    expect(screen.getByRole("checkbox", { name: "Profile scores" })).toBeChecked();
    await userEvent.click(screen.getByRole("checkbox", { name: "Profile scores" }));
    await userEvent.click(screen.getByRole("checkbox", { name: "Notes and reflections" }));
    await userEvent.click(screen.getByRole("button", { name: "Save what Carl may see" }));
    expect(await screen.findByText("Saved. Carl sees this from their next look.")).toBeInTheDocument();
    expect(calls.find((call) => call.method === "PUT")).toEqual({
      method: "PUT",
      path: "/api/counselling/c1/scopes",
      body: { scopes: ["check-ins", "notes"] },
    });
  });

  it("stops sharing with a practice only after a confirmation, which can be declined", async () => {
    let stopped = false;
    const calls = stubFetch({
      "GET /api/counselling": () => ({ status: 200, body: { relations: stopped ? [] : [relation(["profile"])] } }),
      "DELETE /api/counselling/c1": () => {
        stopped = true;
        return { status: 204, body: null };
      },
    });
    renderWithProviders(<MyCounsellors />);
    await userEvent.click(await screen.findByRole("button", { name: "Stop sharing with this practice" }));
    expect(screen.getByText(/will no longer see anything of yours, straight away/)).toBeInTheDocument();
    await userEvent.click(screen.getByRole("button", { name: "Keep sharing" }));
    expect(calls.filter((call) => call.method === "DELETE")).toEqual([]);

    await userEvent.click(screen.getByRole("button", { name: "Stop sharing with this practice" }));
    await userEvent.click(screen.getByRole("button", { name: "Yes, stop sharing" }));
    expect(await screen.findByText("You no longer share anything with that practice.")).toBeInTheDocument();
    expect(await screen.findByText("You do not share anything with a counsellor.")).toBeInTheDocument();
    expect(calls.filter((call) => call.method === "DELETE")).toHaveLength(1);
  });
});
