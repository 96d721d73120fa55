export { meRoutes } from "./me.routes.js";
