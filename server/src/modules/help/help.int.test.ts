import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { helpResourcesResponseSchema } from "@mutual/core";
import { buildTestApp, type TestApp } from "../../../test/build-test-app.js";
import { dialects } from "../../../test/test-databases.js";

const tempDir = fs.mkdtempSync(path.join(os.tmpdir(), "mutual-help-"));

function writeFile(name: string, content: unknown): string {
  const file = path.join(tempDir, name);
  fs.writeFileSync(file, typeof content === "string" ? content : JSON.stringify(content));
  return file;
}

const customFile = {
  region: "Testland",
  updatedOn: "2026-11-01",
  resources: [
    {
      id: "test-line",
      category: "counselling",
      name: "Test counselling line",
      description: "A made-up line for tests.",
      phone: "0000",
      text: null,
      website: null,
      hours: "Always",
      source: "Nobody, https://example.org/",
      verifiedOn: "2026-11-01",
    },
  ],
};

describe.each(dialects)("[%s] help resources", (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp(dialect);
  });
  afterAll(async () => t.close());

  it("serves the shipped Singapore defaults without signing in", async () => {
    const response = await t.app.inject({ method: "GET", url: "/api/help/resources" });
    expect(response.statusCode).toBe(200);
    const body = helpResourcesResponseSchema.parse(response.json());
    expect(body.region).toBe("Singapore");
    const categories = new Set(body.resources.map((resource) => resource.category));
    for (const category of ["counselling", "family-violence", "suicide-prevention", "mental-health", "emergency"]) expect(categories).toContain(category);
    expect(body.resources.find((resource) => resource.id === "sg-sos")?.phone).toBe("1767");
    // Each helpline cites the organisation's own site as its source.
    expect(body.resources.find((resource) => resource.id === "sg-sos")?.source).toContain("https://www.sos.org.sg/");
    expect(body.resources.find((resource) => resource.id === "sg-mindline")?.source).toContain("https://www.mindline.sg/");
    expect(body.resources.find((resource) => resource.id === "sg-imh-helpline")?.source).toContain("https://www.imh.com.sg/");
    for (const resource of body.resources) {
      expect(resource.source).not.toBe("");
      expect(resource.verifiedOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    }
    expect(JSON.stringify(body)).not.toContain("operators");
  });

  it("serves the operator's file from HELP_RESOURCES_PATH", async () => {
    const custom = await buildTestApp(dialect, { env: { HELP_RESOURCES_PATH: writeFile("custom.json", customFile) } });
    try {
      const response = await custom.app.inject({ method: "GET", url: "/api/help/resources" });
      expect(response.statusCode).toBe(200);
      expect(response.json()).toEqual(customFile);
    } finally {
      await custom.close();
    }
  });

  it("never serves a note meant for the operator: people in distress read no remark about a number's verification", async () => {
    const response = await t.app.inject({ method: "GET", url: "/api/help/resources" });
    const served = JSON.stringify(response.json());
    expect(served).not.toMatch(/1800-777-555|digit short|not shown until|until verified|operatorNote/i);
    const aware = helpResourcesResponseSchema.parse(response.json()).resources.find((resource) => resource.id === "sg-aware-helpline");
    expect(aware).toMatchObject({ phone: null, website: "https://www.aware.org.sg/", source: "AWARE, https://www.aware.org.sg/" });

    const noted = { ...customFile, resources: [{ ...customFile.resources[0], operatorNote: "Number confirmed by phone on 1 Nov; call again in May." }] };
    const custom = await buildTestApp(dialect, { env: { HELP_RESOURCES_PATH: writeFile("noted.json", noted) } });
    try {
      const body = (await custom.app.inject({ method: "GET", url: "/api/help/resources" })).json();
      expect(body).toEqual(customFile);
    } finally {
      await custom.close();
    }
  });

  it("speaks the page's language: the shipped resources in Tamil, an operator's text per language, a plain string in every language", async () => {
    const tamil = helpResourcesResponseSchema.parse(
      (await t.app.inject({ method: "GET", url: "/api/help/resources", headers: { "accept-language": "ta" } })).json(),
    );
    expect(tamil.region).toBe("சிங்கப்பூர்");
    const sos = tamil.resources.find((resource) => resource.id === "sg-sos");
    expect(sos?.description).toMatch(/^தற்கொலை பற்றி/);
    expect(sos).toMatchObject({ name: "Samaritans of Singapore (SOS)", phone: "1767", hours: "நாள்தோறும் 24 மணி நேரமும்", website: "https://www.sos.org.sg/" });
    // Numbers, links and sources are the same in every language.
    const english = helpResourcesResponseSchema.parse((await t.app.inject({ method: "GET", url: "/api/help/resources" })).json());
    expect(tamil.resources.map(({ id, phone, website, source, verifiedOn }) => ({ id, phone, website, source, verifiedOn }))).toEqual(
      english.resources.map(({ id, phone, website, source, verifiedOn }) => ({ id, phone, website, source, verifiedOn })),
    );

    const perLanguage = {
      ...customFile,
      resources: [{ ...customFile.resources[0], description: { en: "A made-up line for tests.", ms: "Talian rekaan untuk ujian." } }],
    };
    const custom = await buildTestApp(dialect, { env: { HELP_RESOURCES_PATH: writeFile("languages.json", perLanguage) } });
    try {
      const inMalay = (await custom.app.inject({ method: "GET", url: "/api/help/resources", headers: { "accept-language": "ms-SG" } })).json();
      expect(inMalay).toEqual({ ...customFile, resources: [{ ...customFile.resources[0], description: "Talian rekaan untuk ujian." }] });
      // A language the operator did not write falls back to their English; a plain string is said as it is.
      expect((await custom.app.inject({ method: "GET", url: "/api/help/resources", headers: { "accept-language": "zh-CN" } })).json()).toEqual(customFile);
    } finally {
      await custom.close();
    }
    const noEnglish = { ...customFile, resources: [{ ...customFile.resources[0], name: { ta: "சோதனை" } }] };
    await expect(buildTestApp(dialect, { env: { HELP_RESOURCES_PATH: writeFile("no-english.json", noEnglish) } })).rejects.toThrow(/resources\.0\.name/);
  });

  it("refuses to build with an invalid file, listing every problem", async () => {
    const bad = {
      ...customFile,
      resources: [{ ...customFile.resources[0], category: "astrology", verifiedOn: "yesterday", phone: null, extra: true }],
    };
    await expect(buildTestApp(dialect, { env: { HELP_RESOURCES_PATH: writeFile("bad.json", bad) } })).rejects.toThrow(
      /Help resources file .*bad\.json is not valid[\s\S]*resources\.0\.category[\s\S]*resources\.0\.verifiedOn/,
    );
    const plainHttp = { ...customFile, resources: [{ ...customFile.resources[0], website: "http://example.org/" }] };
    await expect(buildTestApp(dialect, { env: { HELP_RESOURCES_PATH: writeFile("http.json", plainHttp) } })).rejects.toThrow(/resources\.0\.website/);
    const script = { ...customFile, resources: [{ ...customFile.resources[0], website: "javascript:alert(1)" }] };
    await expect(buildTestApp(dialect, { env: { HELP_RESOURCES_PATH: writeFile("script.json", script) } })).rejects.toThrow(/resources\.0\.website/);
    await expect(buildTestApp(dialect, { env: { HELP_RESOURCES_PATH: writeFile("broken.json", "{ not json") } })).rejects.toThrow(/is not valid/);
    await expect(buildTestApp(dialect, { env: { HELP_RESOURCES_PATH: path.join(tempDir, "missing.json") } })).rejects.toThrow(/is not valid/);
  });
});
