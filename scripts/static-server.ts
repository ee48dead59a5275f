// A static file server for dist/, as a real static host behaves: clean URLs, gzip, an optional sub-path.
import {createServer, type Server} from "node:http";
import {readFile, stat} from "node:fs/promises";
import {extname, join, normalize} from "node:path";
import {gzipSync} from "node:zlib";

const contentTypes: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".csv": "text/csv; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".ico": "image/x-icon",
  ".woff2": "font/woff2",
  ".txt": "text/plain; charset=utf-8"
};
const compressible = new Set([".html", ".js", ".css", ".json", ".csv", ".svg", ".txt"]);

async function isFile(path: string): Promise<boolean> {
  return stat(path).then((s) => s.isFile(), () => false);
}

/** The file for a URL path: /opinion → opinion.html, / → index.html, as Framework's clean URLs expect. */
async function resolveFile(root: string, urlPath: string): Promise<string | null> {
  const safe = normalize(decodeURIComponent(urlPath)).replace(/^(\.\.[/\\])+/, "");
  const candidates = safe.endsWith("/") ? [join(root, safe, "index.html")] : [join(root, safe), join(root, `${safe}.html`), join(root, safe, "index.html")];
  for (const candidate of candidates) if (candidate.startsWith(root) && (await isFile(candidate))) return candidate;
  return null;
}

export interface StaticServerOptions {
  root: string;
  /** Serve under a sub-path such as /kosovo-nato/, as GitHub Pages does. */
  base?: string;
  port?: number;
  host?: string;
}

export function startStaticServer({root, base = "/", port = 0, host = "127.0.0.1"}: StaticServerOptions): Promise<{server: Server; url: string}> {
  const prefix = base.endsWith("/") ? base : `${base}/`;
  const server = createServer(async (request, response) => {
    const {pathname} = new URL(request.url ?? "/", "http://localhost");
    const file = pathname.startsWith(prefix) ? await resolveFile(root, `/${pathname.slice(prefix.length)}`) : null;
    if (!file) {
      const notFound = join(root, "404.html");
      response.writeHead(404, {"content-type": contentTypes[".html"]});
      response.end((await isFile(notFound)) ? await readFile(notFound) : "Not found");
      return;
    }
    const extension = extname(file);
    let body = await readFile(file);
    const headers: Record<string, string> = {"content-type": contentTypes[extension] ?? "application/octet-stream", "cache-control": "no-cache"};
    if (compressible.has(extension) && /\bgzip\b/.test(String(request.headers["accept-encoding"] ?? ""))) {
      body = gzipSync(body);
      headers["content-encoding"] = "gzip";
    }
    response.writeHead(200, headers);
    response.end(body);
  });
  return new Promise((resolve) => {
    server.listen(port, host, () => {
      const address = server.address();
      const actualPort = typeof address === "object" && address ? address.port : port;
      resolve({server, url: `http://${host}:${actualPort}${prefix}`});
    });
  });
}
