// `npm run preview`: serves the built site (dist/) on localhost. PORT and BASE (a sub-path) are optional.
import {existsSync} from "node:fs";
import {fileURLToPath} from "node:url";
import {startStaticServer} from "./static-server.ts";

const root = fileURLToPath(new URL("../dist/", import.meta.url));
if (!existsSync(root)) {
  console.error("dist/ does not exist: run npm run build first.");
  process.exit(1);
}
const {url} = await startStaticServer({root, base: process.env.BASE ?? "/", port: Number(process.env.PORT ?? 3000)});
console.log(`Serving dist/ at ${url} (Ctrl-C to stop)`);
