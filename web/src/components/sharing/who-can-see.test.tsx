import { screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import { AUDIENCE_SUBJECTS, COUNSELLING_SCOPES, SHARE_SCOPES, type AudienceSubject, type CounsellingScope, type ShareScope } from "@mutual/core";
import { renderRoutes, stubFetch } from "../../testing/render";
import { sharingAnswers } from "../../testing/sharing";
import { usePutCounsellingScopes } from "../../lib/api/counselling-api";
import { usePutShares } from "../../lib/api/couple-api";
import { WhoCanSee } from "./who-can-see";

/** Which share carries which kind (the product's promise, written out here on purpose rather than read from core). */
const PARTNER_SEES: Record<ShareScope, readonly AudienceSubject[]> = {
  overview: ["profile-scores"],
  dimensions: ["profile-scores"],
  "check-in-trends": ["check-in-numbers"],
  exercises: ["exercises-done"],
};
const COUNSELLOR_SEES: Record<CounsellingScope, readonly AudienceSubject[]> = {
  profile: ["profile-scores", "profile-answers"],
  "check-ins": ["check-in-numbers"],
  safety: ["safety-check"],
  notes: ["check-in-notes", "reflections"],
};

async function sentenceFor(subject: AudienceSubject) {
  const view = renderRoutes([{ path: "/", element: <WhoCanSee subject={subject} /> }], "/");
  const text = (await screen.findByText(/^Right now/)).closest("p")?.textContent ?? "";
  view.unmount();
  return text;
}

describe("who can see what, said from what the person shares now", () => {
  it("with nothing shared, every kind is the person's alone, and a partner is never offered what it can never see", async () => {
    for (const subject of AUDIENCE_SUBJECTS) {
      stubFetch(sharingAnswers({ partnerScopes: [], counsellorScopes: [] }));
      const text = await sentenceFor(subject);
      expect(text, subject).toMatch(/^Right now only you can see /);
      expect(text.includes("A partner can never see"), subject).toBe(["profile-answers", "safety-check", "check-in-notes", "reflections"].includes(subject));
    }
  });

  it("each partner share names the partner in exactly the sentences it makes true", async () => {
    for (const scope of SHARE_SCOPES) {
      for (const subject of AUDIENCE_SUBJECTS) {
        stubFetch(sharingAnswers({ partnerScopes: [scope] }));
        const text = await sentenceFor(subject);
        expect(text.includes("Ana (your partner"), `${scope} / ${subject}`).toBe(PARTNER_SEES[scope].includes(subject));
        if (!PARTNER_SEES[scope].includes(subject)) expect(text, `${scope} / ${subject}`).toMatch(/^Right now only you can see /);
      }
    }
  });

  it("each counselling scope names the counsellor in exactly the sentences it makes true", async () => {
    for (const scope of COUNSELLING_SCOPES) {
      for (const subject of AUDIENCE_SUBJECTS) {
        stubFetch(sharingAnswers({ counsellorScopes: [scope] }));
        const text = await sentenceFor(subject);
        expect(text.includes("Dr Lee (your counsellor at Clear Path)"), `${scope} / ${subject}`).toBe(COUNSELLOR_SEES[scope].includes(subject));
      }
    }
  });

  it("says which part of the profile a partner sees", async () => {
    stubFetch(sharingAnswers({ partnerScopes: ["overview"], counsellorScopes: ["profile"] }));
    expect(await sentenceFor("profile-scores")).toBe(
      "Right now you, Ana (your partner: pattern and We and Me scores) and Dr Lee (your counsellor at Clear Path) can see your profile scores. Change what your partner sees Change what your counsellor sees",
    );
  });

  it("follows a change of share at once, without a reload", async () => {
    let partnerScopes: ShareScope[] = [];
    let counsellorScopes: CounsellingScope[] = [];
    stubFetch({
      "GET /api/couple": () => sharingAnswers({ partnerScopes })["GET /api/couple"],
      "GET /api/counselling": () => sharingAnswers({ counsellorScopes })["GET /api/counselling"],
      "PUT /api/couple/shares": (body) => {
        partnerScopes = (body as { scopes: ShareScope[] }).scopes;
        return sharingAnswers({ partnerScopes })["GET /api/couple"];
      },
      "PUT /api/counselling/c1/scopes": (body) => {
        counsellorScopes = (body as { scopes: CounsellingScope[] }).scopes;
        return sharingAnswers({ counsellorScopes })["GET /api/counselling"];
      },
    });
    function Page() {
      const shares = usePutShares();
      const scopes = usePutCounsellingScopes("c1");
      return (
        <>
          <WhoCanSee subject="check-in-numbers" />
          <button onClick={() => shares.mutate(["check-in-trends"])}>share trends</button>
          <button onClick={() => shares.mutate([])}>stop sharing trends</button>
          <button onClick={() => scopes.mutate(["check-ins"])}>share check-ins with Dr Lee</button>
        </>
      );
    }
    renderRoutes([{ path: "/", element: <Page /> }], "/");
    expect(await screen.findByText(/^Right now only you can see your check-in numbers\./)).toBeInTheDocument();
    await userEvent.click(screen.getByRole("button", { name: "share trends" }));
    await waitFor(() => expect(screen.getByText(/^Right now you and Ana \(your partner\) can see your check-in numbers\./)).toBeInTheDocument());
    await userEvent.click(screen.getByRole("button", { name: "share check-ins with Dr Lee" }));
    await waitFor(() =>
      expect(
        screen.getByText(/^Right now you, Ana \(your partner\) and Dr Lee \(your counsellor at Clear Path\) can see your check-in numbers\./),
      ).toBeInTheDocument(),
    );
    await userEvent.click(screen.getByRole("button", { name: "stop sharing trends" }));
    await waitFor(() =>
      expect(screen.getByText(/^Right now you and Dr Lee \(your counsellor at Clear Path\) can see your check-in numbers\./)).toBeInTheDocument(),
    );
  });

  it("claims nothing it cannot know: says where to look when sharing cannot be read", async () => {
    stubFetch({ ...sharingAnswers(), "GET /api/counselling": { status: 500, body: { error: { code: "INTERNAL", message: "x" } } } });
    renderRoutes([{ path: "/", element: <WhoCanSee subject="check-in-notes" /> }], "/");
    expect(await screen.findByText(/could not check who you share with/)).toBeInTheDocument();
    expect(screen.queryByText(/only you/)).not.toBeInTheDocument();
  });
});
