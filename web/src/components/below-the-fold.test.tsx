import { render, screen } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { BelowTheFold } from "./page";

describe("BelowTheFold", () => {
  it("draws the first screen at once and the end of the page just after, after what is shown", async () => {
    const { container } = render(
      <div>
        <p>First screen</p>
        <BelowTheFold>
          <p>End of the page</p>
        </BelowTheFold>
      </div>,
    );
    expect(screen.getByText("First screen")).toBeInTheDocument();
    expect(screen.queryByText("End of the page")).not.toBeInTheDocument();
    expect(await screen.findByText("End of the page")).toBeInTheDocument();
    expect([...container.querySelectorAll("p")].map((p) => p.textContent)).toEqual(["First screen", "End of the page"]);
  });
});
