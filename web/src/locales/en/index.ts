import common from "./common.json";

// The English catalogue: shared text, plus one catalogue per feature under its own
// top-level key (kept beside the feature, e.g. features/check-in/locales/en.json), so
// features never edit each other's text.
export const en = {
  ...common,
};
