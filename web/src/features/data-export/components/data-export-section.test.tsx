import { screen } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { renderWithProviders } from "../../../testing/render";
import { DataExportSection } from "./data-export-section";

describe("DataExportSection", () => {
  it("links to both downloads as attachments", () => {
    renderWithProviders(<DataExportSection />);
    const json = screen.getByRole("link", { name: "Download everything (JSON)" });
    expect(json).toHaveAttribute("href", "/api/export");
    expect(json).toHaveAttribute("download");
    const fhir = screen.getByRole("link", { name: /FHIR R4/ });
    expect(fhir).toHaveAttribute("href", "/api/export/fhir");
    expect(fhir).toHaveAccessibleDescription(/health record systems/);
  });
});
