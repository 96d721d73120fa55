export { securityTxtRoutes } from "./security-txt.routes.js";
