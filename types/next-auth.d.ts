import type { Role } from "@/server/auth/roles";

declare module "next-auth" {
  interface User {
    id: string;
    sessionVersion: number;
    roles: Role[];
    orgIds: string[];
  }
  interface Session {
    user: { id: string; email: string; name: string; roles: Role[]; orgIds: string[] };
    sessionVersion: number;
  }
}

declare module "next-auth/jwt" {
  interface JWT {
    uid: string;
    sv: number;
    roles: Role[];
    orgIds: string[];
  }
}
