import { describe, expect, it } from "vitest";
import { SqliteDatabase, sqliteDriverFor } from "./sqlite-driver.js";

describe("the SQLite driver", () => {
  it("is the Node-API build from Node 22 on, and the older build on Node 20 where the newer one crashes", () => {
    expect(sqliteDriverFor("20.20.2")).toBe("better-sqlite3");
    expect(sqliteDriverFor("22.0.0")).toBe("better-sqlite3-napi");
    expect(sqliteDriverFor("24.21.0")).toBe("better-sqlite3-napi");
  });

  it("loads on the Node that runs the tests and keeps what it writes", () => {
    const connection = new SqliteDatabase(":memory:");
    connection.exec("create table kept (value text)");
    connection.prepare("insert into kept values (?)").run("a");
    expect(connection.prepare("select value from kept").all()).toEqual([{ value: "a" }]);
    connection.close();
  });
});
