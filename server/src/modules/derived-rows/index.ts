export { bringDerivedRowsUpToDate, derivations } from "./derived-rows.service.js";
