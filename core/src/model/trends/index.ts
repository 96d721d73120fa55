export * from "./iso-week.js";
export * from "./check-in-trends.js";
