export { pushRoutes } from "./push.routes.js";
export { countDevices, listDevicesForExport, sendPushToPerson, subscribeDevice, unsubscribeDevice, type PushDelivery } from "./push.service.js";
