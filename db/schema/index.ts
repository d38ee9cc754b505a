export * from "./identity";
export * from "./audit";
export * from "./auth";
export * from "./worker";
export * from "./inventory";
export * from "./sla";
export * from "./helpdesk";
export * from "./delegation";
