import { screen, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import type { PracticePsychometricsResponse } from "@mutual/core";
import { renderRoutes, stubFetch } from "../../../testing/render";
import { PracticePsychometrics } from "./practice-psychometrics";
import type { FakeResponse } from "../../../testing/fake-api";

const shown = (dimension: PracticePsychometricsResponse["dimensions"][number]["dimension"], n: number, isUsedForChange: boolean) => ({
  dimension,
  n,
  excludedIncomplete: 1,
  isShown: true,
  isUsedForChange,
  alpha: 0.812,
  mean: 61.2,
  sd: 17.4,
  sem: 7.6,
  items: [{ itemId: "close-1", mean: 4.8, sd: 1.2, correctedItemTotal: 0.61, alphaIfDeleted: 0.78 }],
});

const data: PracticePsychometricsResponse = {
  instrument: { id: "interdependence-profile", version: "1" },
  minimumN: 100,
  statisticsMinimumN: 20,
  normSource: "deployment",
  respondents: 120,
  computedAt: "2026-11-24T05:00:00.000Z",
  dimensions: [
    shown("CLOSE", 120, true),
    { dimension: "VOICE", n: 12, excludedIncomplete: 0, isShown: false, isUsedForChange: false, alpha: null, mean: null, sd: null, sem: null, items: [] },
  ],
  languages: [],
  itemsByLanguage: { minimumPerGroup: 50, languages: [] },
};

const hidden = (dimension: PracticePsychometricsResponse["dimensions"][number]["dimension"], n: number) => ({
  dimension,
  n,
  excludedIncomplete: 0,
  isShown: false,
  isUsedForChange: false,
  alpha: null,
  mean: null,
  sd: null,
  sem: null,
  items: [],
});

/** 105 clients in English, 15 in Tamil: Tamil's figures withheld; the screen ran for neither (Tamil is below 50). */
const twoLanguages: PracticePsychometricsResponse = {
  ...data,
  languages: [
    { language: "en", respondents: 105, normSource: "deployment", dimensions: [shown("CLOSE", 105, true), hidden("VOICE", 10)] },
    { language: "ta", respondents: 15, normSource: "provisional", dimensions: [hidden("CLOSE", 15), hidden("VOICE", 2)] },
  ],
  itemsByLanguage: {
    minimumPerGroup: 50,
    languages: [
      { language: "en", people: 105, otherPeople: 15, screened: false, items: [] },
      { language: "ta", people: 15, otherPeople: 105, screened: false, items: [] },
    ],
  },
};

const render = (answer: FakeResponse<PracticePsychometricsResponse>) => {
  stubFetch({ "GET /api/practices/p1/psychometrics": answer });
  renderRoutes([{ path: "/practice/:practiceId/psychometrics", element: <PracticePsychometrics practiceId="p1" /> }], "/practice/p1/psychometrics");
};

describe("PracticePsychometrics", () => {
  it("shows N, alpha and SEM per area, which areas judge real change with the practice's own figures, and withholds small areas", async () => {
    render({ status: 200, body: data });
    expect(await screen.findByText("120 clients' profiles counted.")).toBeInTheDocument();
    expect(screen.getByText(/From 100 complete answers/)).toBeInTheDocument();
    expect(screen.getByText(/only once at least 10 more or fewer clients are counted/)).toBeInTheDocument();
    expect(screen.getByText(/this practice's own figures where an area has enough answers/)).toBeInTheDocument();
    const table = screen.getByRole("table", { name: "Reliability by area" });
    const close = within(table).getByRole("row", { name: /Closeness/ });
    expect(close).toHaveTextContent("0.81");
    expect(close).toHaveTextContent("7.6");
    expect(close).toHaveTextContent("Yes");
    const voice = within(table).getByRole("row", { name: /Voice/ });
    expect(voice).toHaveTextContent("Shown from 20");
    expect(voice).toHaveTextContent("Not yet");
    expect(screen.getByRole("table", { name: "Closeness: each question" })).toHaveTextContent("0.61");
    expect(screen.queryByRole("table", { name: "Voice: each question" })).toBeNull();
  });

  it("shows the figures by language only where a language has enough people, and says the item check waits for more", async () => {
    render({ status: 200, body: twoLanguages });
    const english = await screen.findByRole("region", { name: "English" });
    expect(within(english).getByRole("heading", { name: "English: 105 clients" })).toBeInTheDocument();
    expect(within(english).getByRole("row", { name: /Closeness/ })).toHaveTextContent("0.81");
    expect(within(english).getByRole("row", { name: /Voice/ })).toHaveTextContent("Not enough people yet");
    const tamil = screen.getByRole("region", { name: "Tamil" });
    expect(within(tamil).getByText(/^Not enough people yet/)).toBeInTheDocument();
    expect(within(tamil).queryByRole("table")).toBeNull();
    expect(screen.getByText("Tamil: not enough people yet. The check needs 50 people in this language and 50 in the others.")).toBeInTheDocument();
  });

  it("names a question that reads differently in one language, how much, and what to do", async () => {
    const screened: PracticePsychometricsResponse = {
      ...twoLanguages,
      itemsByLanguage: {
        minimumPerGroup: 50,
        languages: [
          { language: "en", people: 105, otherPeople: 60, screened: true, items: [] },
          {
            language: "ms",
            people: 60,
            otherPeople: 105,
            screened: true,
            items: [{ itemId: "close-1", dimension: "CLOSE", effectSize: 0.62, direction: "lower" }],
          },
        ],
      },
    };
    render({ status: 200, body: screened });
    const section = await screen.findByRole("region", { name: "Questions that may read differently in one language" });
    const question = screen.getByText(/^People who answer in Malay agree with this question less/).closest("li") as HTMLElement;
    expect(question).toHaveTextContent("The gap is 0.62 of a standard deviation.");
    expect(question).toHaveTextContent("read the Malay version of this question and its back-translation");
    expect(within(section).getByText("English: no question read differently.")).toBeInTheDocument();
    expect(within(section).getByText("Malay: 1 question read differently (see above).")).toBeInTheDocument();
    expect(question).not.toHaveTextContent("English is the source");
  });

  it("points at the translations, not an English version, when English is the language that differs", async () => {
    const english: PracticePsychometricsResponse = {
      ...twoLanguages,
      itemsByLanguage: {
        minimumPerGroup: 50,
        languages: [
          {
            language: "en",
            people: 105,
            otherPeople: 60,
            screened: true,
            items: [{ itemId: "close-1", dimension: "CLOSE", effectSize: 0.4, direction: "higher" }],
          },
          { language: "ta", people: 60, otherPeople: 105, screened: true, items: [] },
        ],
      },
    };
    render({ status: 200, body: english });
    const question = (await screen.findByText(/^People who answer in English agree with this question more/)).closest("li") as HTMLElement;
    expect(question).toHaveTextContent("English is the source. Read this question's translations and their back-translations");
    expect(question).not.toHaveTextContent("read the English version");
  });

  it("tells a counsellor the figures are for owners and admins", async () => {
    render({ status: 403, body: { error: { code: "PRACTICE_ROLE_REQUIRED", message: "x" } } });
    expect(await screen.findByText("Only the practice's owners and admins see these figures.")).toBeInTheDocument();
  });

  it("asks for two-step sign-in first", async () => {
    render({ status: 403, body: { error: { code: "TWO_FACTOR_REQUIRED", message: "x" } } });
    expect(await screen.findByRole("link", { name: "Turn it on now" })).toHaveAttribute("href", "/account/two-factor");
  });
});
