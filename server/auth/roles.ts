/** Roles and the areas of the app each may use. One table, read by pages, procedures and the nav. */
export const staffRoles = ["admin", "agent", "engineer", "account_manager"] as const;
export const customerRoles = ["owner", "member"] as const;
export type StaffRole = (typeof staffRoles)[number];
export type CustomerRole = (typeof customerRoles)[number];
export type Role = StaffRole | CustomerRole;

export const roleLabels: Record<Role, string> = {
  admin: "Administrator",
  agent: "Support agent (1st level)",
  engineer: "Engineer (2nd level)",
  account_manager: "Account manager",
  owner: "Owner",
  member: "Member",
};

export type Area = "portal" | "desk" | "accounts" | "admin";

/** Which roles may enter each area. Admins may go anywhere. */
const areaRoles: Record<Area, readonly Role[]> = {
  portal: ["owner", "member", "admin"],
  desk: ["agent", "engineer", "admin"],
  accounts: ["account_manager", "admin"],
  admin: ["admin"],
};

export const areaPaths: Record<Area, string> = {
  portal: "/portal",
  desk: "/desk",
  accounts: "/accounts",
  admin: "/admin",
};

export const areaLabels: Record<Area, string> = {
  portal: "Customer portal",
  desk: "Help desk",
  accounts: "Accounts",
  admin: "Administration",
};

export function isStaffRole(role: Role): role is StaffRole {
  return (staffRoles as readonly Role[]).includes(role);
}

export function canUseArea(roles: readonly Role[], area: Area): boolean {
  return roles.some((role) => areaRoles[area].includes(role));
}

export function areasFor(roles: readonly Role[]): Area[] {
  return (Object.keys(areaRoles) as Area[]).filter((area) => canUseArea(roles, area));
}

/** Where a user lands after sign-in: their working area, in order of what they do most. */
export function landingPath(roles: readonly Role[]): string {
  if (roles.includes("admin")) return areaPaths.desk;
  if (roles.includes("agent") || roles.includes("engineer")) return areaPaths.desk;
  if (roles.includes("account_manager")) return areaPaths.accounts;
  if (roles.includes("owner") || roles.includes("member")) return areaPaths.portal;
  return "/login?error=NoRole";
}

export function areaOfPath(pathname: string): Area | null {
  for (const area of Object.keys(areaPaths) as Area[]) {
    const base = areaPaths[area];
    if (pathname === base || pathname.startsWith(base + "/")) return area;
  }
  return null;
}
