import { screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import { renderWithProviders } from "../../../testing/render";
import { ScopeChoices } from "./scope-choices";

describe("ScopeChoices", () => {
  it("tells the client, on the notes choice itself, where the counsellor will read their notes", async () => {
    const onToggle = vi.fn();
    renderWithProviders(<ScopeChoices idPrefix="scope" counsellor="Nur Aisyah" chosen={new Set(["profile", "check-ins"])} onToggle={onToggle} />);
    const notes = screen.getByRole("checkbox", { name: "Notes and reflections" });
    expect(notes).not.toBeChecked();
    // Read out with the checkbox: word for word, and each place they show up.
    expect(notes).toHaveAccessibleDescription(/word for word/);
    expect(notes).toHaveAccessibleDescription(/on your page in their list of clients/);
    expect(notes).toHaveAccessibleDescription(/in the report they can print/);
    expect(notes).toHaveAccessibleDescription(/spreadsheet \(CSV\)/);
    await userEvent.click(notes);
    expect(onToggle).toHaveBeenCalledWith("notes");
  });
});
