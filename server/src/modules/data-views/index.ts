export { dataViewsRoutes } from "./data-views.routes.js";
export { dataViewsForExport, forgetViewer, recordDataViews, type NewDataView } from "./data-views.service.js";
