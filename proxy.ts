import { getToken } from "next-auth/jwt";
import { NextResponse, type NextRequest } from "next/server";
import { areaOfPath } from "@/server/auth/roles";

/**
 * First line of routing, from the signed token alone: no session → sign-in, before any render.
 * Roles are deliberately not judged here: the token's copy may be stale after a role change, and the
 * area layouts check the database's roles on every request (requireArea).
 */
export async function proxy(request: NextRequest) {
  const area = areaOfPath(request.nextUrl.pathname);
  if (!area) return NextResponse.next();
  const token = await getToken({ req: request, secret: process.env.NEXTAUTH_SECRET });
  if (!token?.uid) {
    const url = new URL("/login", request.url);
    url.searchParams.set("callbackUrl", request.nextUrl.pathname + request.nextUrl.search);
    return NextResponse.redirect(url);
  }
  return NextResponse.next();
}

export const config = { matcher: ["/portal/:path*", "/desk/:path*", "/accounts/:path*", "/admin/:path*"] };
