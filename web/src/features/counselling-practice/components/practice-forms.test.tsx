import { screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import { renderWithProviders, stubFetch } from "../../../testing/render";
import { CreatePracticeForm } from "./create-practice-form";
import { InviteColleagueForm } from "./invite-colleague-form";

describe("CreatePracticeForm", () => {
  it("needs a name, sends only the name, and hands back the new practice", async () => {
    const calls = stubFetch({ "POST /api/auth/organization/create": { status: 200, body: { id: "p1", name: "Riverside" } } });
    const onCreated = vi.fn();
    renderWithProviders(<CreatePracticeForm onCreated={onCreated} />);
    await userEvent.click(screen.getByRole("button", { name: "Create the practice" }));
    expect(screen.getByText("Please fill this in.")).toBeInTheDocument();
    expect(calls).toHaveLength(0);
    await userEvent.type(screen.getByLabelText("Name of the practice"), "  Riverside ");
    await userEvent.click(screen.getByRole("button", { name: "Create the practice" }));
    await vi.waitFor(() => expect(onCreated).toHaveBeenCalledWith("p1"));
    expect(calls[0]).toEqual({ method: "POST", path: "/api/auth/organization/create", body: { name: "Riverside" } });
  });

  it("refuses a name over 100 characters before asking the server", async () => {
    const calls = stubFetch({});
    renderWithProviders(<CreatePracticeForm onCreated={() => undefined} />);
    await userEvent.click(screen.getByLabelText("Name of the practice"));
    await userEvent.paste("x".repeat(101));
    await userEvent.click(screen.getByRole("button", { name: "Create the practice" }));
    expect(screen.getByText("Use at most 100 characters.")).toBeInTheDocument();
    expect(calls).toHaveLength(0);
  });
});

describe("InviteColleagueForm", () => {
  it("invites by email as a counsellor by default, or as an admin, and says where it went", async () => {
    const calls = stubFetch({ "POST /api/auth/organization/invite-member": { status: 200, body: { id: "i1" } } });
    renderWithProviders(<InviteColleagueForm practiceId="p1" />);
    expect(screen.getByRole("radio", { name: /Counsellor/ })).toBeChecked();
    expect(screen.queryByRole("radio", { name: /Owner/ })).toBeNull();

    await userEvent.type(screen.getByLabelText("Their email address"), "not an email");
    await userEvent.click(screen.getByRole("button", { name: "Send the invitation" }));
    expect(screen.getByText("Enter an email address like name@example.com.")).toBeInTheDocument();
    expect(calls).toHaveLength(0);

    await userEvent.clear(screen.getByLabelText("Their email address"));
    await userEvent.type(screen.getByLabelText("Their email address"), "carl@example.test");
    await userEvent.click(screen.getByRole("radio", { name: /Admin/ }));
    await userEvent.click(screen.getByRole("button", { name: "Send the invitation" }));
    expect(await screen.findByText("Invitation sent to carl@example.test. It lasts seven days.")).toBeInTheDocument();
    expect(calls[0]?.body).toEqual({ organizationId: "p1", email: "carl@example.test", role: "admin" });
    expect(screen.getByLabelText("Their email address")).toHaveValue("");
  });

  it("says plainly when the person's role does not allow inviting", async () => {
    stubFetch({
      "POST /api/auth/organization/invite-member": {
        status: 403,
        body: { code: "YOU_ARE_NOT_ALLOWED_TO_INVITE_USERS_TO_THIS_ORGANIZATION", message: "You are not allowed to invite users to this organization" },
      },
    });
    renderWithProviders(<InviteColleagueForm practiceId="p1" />);
    await userEvent.type(screen.getByLabelText("Their email address"), "carl@example.test");
    await userEvent.click(screen.getByRole("button", { name: "Send the invitation" }));
    expect(await screen.findByRole("alert")).toHaveTextContent("Your role in this practice does not allow this.");
  });
});
