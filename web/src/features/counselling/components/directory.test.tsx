import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import type { DirectoryEntry, MyCounsellingRequestsResponse } from "@mutual/core";
import { renderRoutes, stubFetch } from "../../../testing/render";
import { AskForCounselling } from "./ask-for-counselling";
import { Directory } from "./directory";
import { MyCounsellingRequests } from "./my-counselling-requests";

const harbour: DirectoryEntry = {
  practiceId: "p1",
  name: "Harbour Counselling",
  languages: ["en", "ta"],
  individual: true,
  couple: true,
  inPersonArea: "Tampines",
  online: true,
  fees: "S$60 a session",
  subsidised: true,
  description: "Individuals and couples.",
  contact: "https://harbour.example/book",
};
const online: DirectoryEntry = { ...harbour, practiceId: "p2", name: "Online Only", languages: ["zh"], couple: false, inPersonArea: null, subsidised: false };

describe("the directory of practices", () => {
  it("asks the server again with each filter the person sets, and lists what it answers", async () => {
    const calls = stubFetch({
      "GET /api/directory": { status: 200, body: { practices: [harbour, online] } },
      "GET /api/directory?language=ta": { status: 200, body: { practices: [harbour] } },
      "GET /api/directory?language=ta&kind=couple": { status: 200, body: { practices: [harbour] } },
      "GET /api/directory?language=ta&kind=couple&mode=in-person": { status: 200, body: { practices: [harbour] } },
      "GET /api/directory?language=ta&kind=couple&mode=in-person&subsidised=true": { status: 200, body: { practices: [] } },
    });
    renderRoutes([{ path: "/", element: <Directory /> }], "/");
    expect(await screen.findByRole("heading", { name: "2 practices" })).toBeInTheDocument();
    await userEvent.selectOptions(screen.getByLabelText("Language"), "ta");
    expect(await screen.findByRole("heading", { name: "1 practice" })).toBeInTheDocument();
    const card = screen.getByRole("heading", { name: "Harbour Counselling" }).closest("li")!;
    expect(within(card).getByText("English, Tamil")).toBeInTheDocument();
    expect(within(card).getByText("in person in Tampines, online")).toBeInTheDocument();
    expect(within(card).getByRole("link", { name: "Ask Harbour Counselling for counselling" })).toHaveAttribute("href", "/directory/ask/p1");
    await userEvent.selectOptions(screen.getByLabelText("Counselling for"), "couple");
    await userEvent.selectOptions(screen.getByLabelText("How you meet"), "in-person");
    await userEvent.click(screen.getByLabelText("Only practices with subsidised fees"));
    expect(await screen.findByText("No practice matches these filters. Try fewer filters.")).toBeInTheDocument();
    expect(calls.map((call) => call.path).at(-1)).toBe("/api/directory?language=ta&kind=couple&mode=in-person&subsidised=true");
  });

  it("offers only counselling for one person when reached from the safety box", async () => {
    stubFetch({ "GET /api/directory?kind=individual": { status: 200, body: { practices: [harbour] } } });
    renderRoutes([{ path: "/", element: <Directory onlyIndividual /> }], "/");
    expect(await screen.findByRole("link", { name: "Ask Harbour Counselling for counselling" })).toHaveAttribute("href", "/directory/ask/p1?only=individual");
    expect(screen.queryByLabelText("Counselling for")).not.toBeInTheDocument();
  });
});

const sentRequest = (kind: "individual" | "couple"): MyCounsellingRequestsResponse => ({
  requests: [
    {
      id: "r1",
      practice: { id: "p1", name: "Harbour Counselling" },
      kind,
      status: kind === "couple" ? "awaiting-partner" : "sent",
      myRole: "requester",
      otherName: kind === "couple" ? "Ravi" : null,
      myScopes: ["profile"],
      message: "Hello",
      declineMessage: null,
      createdAt: "2026-12-07T00:00:00.000Z",
      updatedAt: "2026-12-07T00:00:00.000Z",
    },
  ],
});

describe("asking a practice for counselling", () => {
  it("sends who it is for, the message and exactly the scopes the person ticked", async () => {
    let sent = false;
    const calls = stubFetch({
      "GET /api/directory": { status: 200, body: { practices: [harbour] } },
      "POST /api/counselling-requests": () => ((sent = true), { status: 201, body: sentRequest("couple") }),
    });
    renderRoutes([{ path: "/", element: <AskForCounselling practiceId="p1" onlyIndividual={false} onSent={() => undefined} /> }], "/");
    await userEvent.click(await screen.findByLabelText("My partner and me"));
    expect(screen.getByText(/Your partner sees the request in Mutual and confirms it for themselves/)).toBeInTheDocument();
    await userEvent.type(screen.getByLabelText("A note for them (you can skip this)"), "  We argue about money.  ");
    // Profile and check-ins start ticked, as on a counsellor's invitation; the person turns check-ins off and notes on.
    expect(screen.getByLabelText("Profile scores")).toBeChecked();
    await userEvent.click(screen.getByLabelText("Weekly check-ins"));
    await userEvent.click(screen.getByLabelText("Notes and reflections"));
    await userEvent.click(screen.getByRole("button", { name: "Send the request" }));
    await waitFor(() => expect(sent).toBe(true));
    expect(calls.find((call) => call.method === "POST")?.body).toEqual({
      practiceId: "p1",
      kind: "couple",
      message: "We argue about money.",
      scopes: ["profile", "notes"],
    });
  });

  it("says plainly why a request was refused", async () => {
    stubFetch({
      "GET /api/directory": { status: 200, body: { practices: [harbour] } },
      "POST /api/counselling-requests": { status: 409, body: { error: { code: "TOO_MANY_OPEN_REQUESTS", message: "x" } } },
    });
    renderRoutes([{ path: "/", element: <AskForCounselling practiceId="p1" onlyIndividual onSent={() => undefined} /> }], "/");
    expect(await screen.findByText("This request is for you alone.")).toBeInTheDocument();
    await userEvent.click(screen.getByRole("button", { name: "Send the request" }));
    expect(await screen.findByRole("alert")).toHaveTextContent("You can have 3 requests open at once. Withdraw one to ask another practice.");
  });

  it("lets the partner confirm a couple's request with their own scopes", async () => {
    const theirs: MyCounsellingRequestsResponse = {
      requests: [{ ...sentRequest("couple").requests[0]!, myRole: "partner", otherName: "Mei", myScopes: null }],
    };
    const calls = stubFetch({
      "GET /api/counselling-requests": { status: 200, body: theirs },
      "POST /api/counselling-requests/r1/confirm": {
        status: 200,
        body: { requests: [{ ...theirs.requests[0]!, status: "sent", myScopes: ["check-ins"] }] },
      },
    });
    renderRoutes([{ path: "/", element: <MyCounsellingRequests /> }], "/");
    expect(await screen.findByText(/^Mei asked for both of you on/)).toBeInTheDocument();
    await userEvent.click(screen.getByLabelText("Profile scores"));
    await userEvent.click(screen.getByRole("button", { name: "Confirm and share this" }));
    expect(await screen.findByText("Sent: the practice will pass it to a counsellor")).toBeInTheDocument();
    expect(screen.getByText("If accepted, you share: Weekly check-ins.")).toBeInTheDocument();
    expect(calls.find((call) => call.method === "POST")?.body).toEqual({ scopes: ["check-ins"] });
  });
});

describe("the web app's copy of the directory's languages", () => {
  it("is core's list, in its order", async () => {
    const { DIRECTORY_LANGUAGES } = await import("@mutual/core");
    const { DIRECTORY_LANGUAGE_LIST } = await import("../../../lib/api/directory-api");
    expect(DIRECTORY_LANGUAGE_LIST).toEqual(DIRECTORY_LANGUAGES);
  });
});
