import { describe, expect, it } from "vitest";
import { dumpCommand, restoreCommand, schemaOfUrl, shown } from "./postgres-dump.js";

describe("PostgreSQL backup commands", () => {
  it("back up and restore the schema Mutual runs in, named by the URL's search_path, or public", () => {
    const url = "postgres://mutual:s3cret@db.internal:5432/mutual?options=-c%20search_path%3Dmutual_prod";
    expect(schemaOfUrl(url)).toBe("mutual_prod");
    expect(schemaOfUrl("postgres://db.internal/mutual")).toBe("public");
    expect(dumpCommand(url, "/backups/m.pgdump")).toEqual(
      expect.arrayContaining(["pg_dump", "--format=custom", "--schema=mutual_prod", "--file=/backups/m.pgdump"]),
    );
    expect(restoreCommand(url, "/backups/m.pgdump")).toEqual(expect.arrayContaining(["pg_restore", "--clean", "--if-exists", "/backups/m.pgdump"]));
  });

  it("never print the password of the database URL", () => {
    const printed = shown(dumpCommand("postgres://mutual:s3cret@db.internal/mutual", "/b/m.pgdump"));
    expect(printed).not.toContain("s3cret");
    expect(printed).toContain("postgres://mutual:***@db.internal");
  });
});
