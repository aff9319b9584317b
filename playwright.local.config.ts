// TEMPORARY (knowledge UI work): the repo config without its web servers, against one started by hand.
import base from "./playwright.config";
export default { ...base, webServer: undefined };
