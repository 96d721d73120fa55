export * from "./iso-week.js";
export * from "./check-in-trends.js";
export * from "./pulse-direction.js";
