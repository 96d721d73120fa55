export { pushRoutes } from "./push.routes.js";
export {
  countDevices,
  createPushDeliverer,
  listDevicesForExport,
  sendPushToPerson,
  subscribeDevice,
  unsubscribeDevice,
  type PushDelivery,
} from "./push.service.js";
