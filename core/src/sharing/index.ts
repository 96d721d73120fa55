// Who can see what of a person's information, from what they share now. Pure.
export * from "./audience.js";
