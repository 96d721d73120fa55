export * from "./reliable-change.js";
