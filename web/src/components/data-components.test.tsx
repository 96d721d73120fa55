import { render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import { renderWithProviders } from "../testing/render";
import { DataTable } from "./data-table";
import { Badge, EmptyState, Pagination } from "./data-display";
import { CheckboxField, FilterBar, RadioGroup, SelectField } from "./form-controls";

describe("the design system's data components", () => {
  it("puts a wide table in a named region a keyboard can reach, with its caption", () => {
    renderWithProviders(
      <DataTable caption="Your clients">
        <tbody>
          <tr>
            <td>Priya</td>
          </tr>
        </tbody>
      </DataTable>,
    );
    const region = screen.getByRole("region", { name: "Your clients (table, scrolls sideways)" });
    expect(region).toHaveAttribute("tabindex", "0");
    expect(screen.getByRole("table", { name: "Your clients" })).toBeInTheDocument();
  });

  it("labels every choice, and reports what is chosen", async () => {
    const onSelect = vi.fn();
    const onCheck = vi.fn();
    const onRadio = vi.fn();
    render(
      <FilterBar legend="Show only">
        <SelectField
          label="Flag"
          value=""
          options={[
            { value: "", label: "Any" },
            { value: "low-voice", label: "Low voice" },
          ]}
          onChange={onSelect}
        />
        <CheckboxField label="Overdue" checked={false} onChange={onCheck} />
        <RadioGroup
          legend="Kind"
          value="individual"
          options={[
            { value: "individual", label: "One person" },
            { value: "couple", label: "A couple" },
          ]}
          onChange={onRadio}
        />
      </FilterBar>,
    );
    expect(screen.getByRole("group", { name: "Show only" })).toBeInTheDocument();
    await userEvent.selectOptions(screen.getByLabelText("Flag"), "low-voice");
    expect(onSelect).toHaveBeenCalledWith("low-voice");
    await userEvent.click(screen.getByLabelText("Overdue"));
    expect(onCheck).toHaveBeenCalledWith(true);
    expect(screen.getByRole("group", { name: "Kind" })).toBeInTheDocument();
    await userEvent.click(screen.getByLabelText("A couple"));
    expect(onRadio).toHaveBeenCalledWith("couple");
  });

  it("pages forward and back, and cannot go past either end", async () => {
    const onPage = vi.fn();
    render(<Pagination label="Pages" page={1} pages={2} onPage={onPage} text={{ previous: "Previous", next: "Next", pageOf: "Page 1 of 2" }} />);
    expect(screen.getByRole("navigation", { name: "Pages" })).toHaveTextContent("Page 1 of 2");
    expect(screen.getByRole("button", { name: "Previous" })).toBeDisabled();
    await userEvent.click(screen.getByRole("button", { name: "Next" }));
    expect(onPage).toHaveBeenCalledWith(2);
  });

  it("says in words what a badge and an empty state mean", () => {
    render(
      <>
        <Badge tone="attention">Off track</Badge>
        <EmptyState title="No clients yet" action={<a href="/practice">Invite a client</a>} />
      </>,
    );
    expect(screen.getByText("Off track")).toBeInTheDocument();
    expect(screen.getByRole("region", { name: "No clients yet" })).toContainElement(screen.getByRole("link", { name: "Invite a client" }));
  });
});
