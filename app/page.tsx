import { redirect } from "next/navigation";
import { landingFor } from "@/server/auth/session";

/** The root sends each person to their own area, or to sign-in. */
export default async function Home() {
  redirect(await landingFor());
}
