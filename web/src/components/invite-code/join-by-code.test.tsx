import { screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import { ApiRequestError } from "../../lib/api-client";
import { renderRoutes } from "../../testing/render";
import { refusalKey } from "./invite-code";
import { JoinByCode } from "./join-by-code";

const entry = { title: "Have a code?", label: "Code", hint: "Like ABCDE-12345.", submit: "Continue", invalid: "Not a code." };

function Join() {
  return (
    <JoinByCode
      entry={entry}
      answer={(code, onTryAnother) => (
        <>
          <p>Answer for {code}</p>
          <button onClick={onTryAnother}>Another</button>
        </>
      )}
    />
  );
}

describe("Joining by a code", () => {
  it("reads a percent-encoded code from the link, clears the address bar, and offers the form again", async () => {
    const { router } = renderRoutes([{ path: "/join", element: <Join /> }], "/join?from=mail#abcde%2012345");
    expect(await screen.findByText("Answer for abcde 12345")).toBeInTheDocument();
    expect(router.state.location.hash).toBe("");
    expect(router.state.location.search).toBe("?from=mail");

    await userEvent.click(screen.getByRole("button", { name: "Another" }));
    const field = screen.getByRole("textbox", { name: "Code" });
    await userEvent.type(field, "abcde-1234");
    await userEvent.click(screen.getByRole("button", { name: "Continue" }));
    expect(field).toHaveAccessibleDescription(/Not a code\./);
    await userEvent.type(field, "5");
    await userEvent.click(screen.getByRole("button", { name: "Continue" }));
    expect(await screen.findByText("Answer for ABCDE-12345")).toBeInTheDocument();
  });

  it("names a refusal by the feature's own key first, then the shared ones, else other", () => {
    const refusal = (code: string | undefined) => refusalKey(new ApiRequestError(409, code, "x"), { ALREADY_LINKED: "alreadyLinked" });
    expect(refusal("ALREADY_LINKED")).toBe("alreadyLinked");
    expect(refusal("TOO_MANY_ATTEMPTS")).toBe("tooMany");
    expect(refusal("constructor")).toBe("other");
    expect(refusal(undefined)).toBe("other");
    expect(refusalKey(new Error("offline"), {})).toBe("other");
  });
});
