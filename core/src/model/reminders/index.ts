export * from "./reminder-schedule.js";
