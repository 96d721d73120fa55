export { dataViewsRoutes } from "./data-views.routes.js";
export { forgetViewer, listDataViewsForExport, recordDataViews, type NewDataView } from "./data-views.service.js";
