import agentPackage from "../package.json";

/** Reported in pairing and heartbeats; bundled into the .exe at build time. */
export const AGENT_VERSION: string = agentPackage.version;
