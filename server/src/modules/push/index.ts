export { pushRoutes } from "./push.routes.js";
export { countDevices, sendPushToPerson, subscribeDevice, unsubscribeDevice, type PushDelivery } from "./push.service.js";
