import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { getDb } from "@/db/client";
import { loadActor } from "./actor";
import { clientIp } from "./client-ip";
import { secureCookies } from "./secure-cookies";
import { SignInError, signInWithPassword } from "./sign-in";

const sessionHours = 12;

export const authOptions: NextAuthOptions = {
  secret: process.env.NEXTAUTH_SECRET,
  session: { strategy: "jwt", maxAge: sessionHours * 60 * 60 },
  useSecureCookies: secureCookies,
  pages: { signIn: "/login", error: "/login" },
  providers: [
    CredentialsProvider({
      name: "Email and password",
      credentials: {
        email: { label: "Email", type: "email" },
        password: { label: "Password", type: "password" },
      },
      async authorize(credentials, req) {
        const db = getDb();
        try {
          const user = await signInWithPassword(db, credentials, clientIp(req?.headers));
          const actor = await loadActor(db, { userId: user.id, sessionVersion: user.sessionVersion });
          if (!actor) return null;
          return {
            id: user.id,
            email: user.email,
            name: user.name,
            sessionVersion: user.sessionVersion,
            roles: actor.roles,
            orgIds: actor.memberships.map((m) => m.orgId),
          };
        } catch (error) {
          // next-auth passes an Error's message to the sign-in page as the error code.
          if (error instanceof SignInError) throw new Error(error.message);
          throw error;
        }
      },
    }),
  ],
  callbacks: {
    // The token carries identity, roles and orgs for routing; anything sensitive re-checks the database.
    async jwt({ token, user }) {
      if (user) {
        token.uid = user.id;
        token.sv = user.sessionVersion;
        token.roles = user.roles;
        token.orgIds = user.orgIds;
      }
      return token;
    },
    async session({ session, token }) {
      session.user = {
        id: token.uid,
        email: token.email ?? "",
        name: token.name ?? "",
        roles: token.roles,
        orgIds: token.orgIds,
      };
      session.sessionVersion = token.sv;
      return session;
    },
  },
};
