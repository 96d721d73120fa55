export * from "./seeded-random.js";
export * from "./item-order.js";
