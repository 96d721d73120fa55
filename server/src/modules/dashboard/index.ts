// The counsellor's dashboard and client detail (decision 016).
export { dashboardRoutes } from "./dashboard.routes.js";
