/** Cookies carry the Secure flag whenever the app is served over HTTPS, as it is in production. */
export const secureCookies = (process.env.NEXTAUTH_URL ?? "").startsWith("https://");
