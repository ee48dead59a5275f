// The site's public address, when the build is told it (SITE_URL, e.g. https://example.org/kosovo-nato/): citations
// then give whole addresses, and the 404 page, served at any depth, finds its styles and links. Optional: every other
// page uses relative links and works at any address.

/** SITE_URL with a trailing slash, or null when unset. */
export function siteUrl(env: NodeJS.ProcessEnv = process.env): string | null {
  const value = env.SITE_URL?.trim();
  if (!value) return null;
  const url = new URL(value);
  if (url.protocol !== "https:" && url.protocol !== "http:") throw new Error(`SITE_URL must be an http(s) address, not ${JSON.stringify(value)}`);
  return url.href.endsWith("/") ? url.href : `${url.href}/`;
}

/** The path the site is served under ("/" at a domain's root): Framework's `base`, which only the 404 page uses. */
export function sitePath(env: NodeJS.ProcessEnv = process.env): string {
  const url = siteUrl(env);
  return url ? new URL(url).pathname : "/";
}
