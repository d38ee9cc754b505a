import { getToken } from "next-auth/jwt";
import { NextResponse, type NextRequest } from "next/server";
import { areaOfPath, canUseArea, landingPath } from "@/server/auth/roles";

/**
 * First line of routing, from the signed token alone: no session → sign-in; a role that may not use
 * the area → the person's own area. The pages re-check against the database (a revoked session or
 * changed role is caught there); this only saves a render.
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
  if (!canUseArea(token.roles ?? [], area)) return NextResponse.redirect(new URL(landingPath(token.roles ?? []), request.url));
  return NextResponse.next();
}

export const config = { matcher: ["/portal/:path*", "/desk/:path*", "/accounts/:path*", "/admin/:path*"] };
