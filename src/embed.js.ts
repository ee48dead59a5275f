// Builds /embed.js, the host page's optional script for the embed snippet (src/components/embed-host.ts), as one
// classic script with no imports: a host loads it with a plain <script src async>, from any origin.
import {fileURLToPath} from "node:url";
import {build} from "esbuild";

const entry = `import {watchEmbedHeights} from ${JSON.stringify(fileURLToPath(new URL("./components/embed-host.ts", import.meta.url)))};
const script = document.currentScript;
if (script instanceof HTMLScriptElement) watchEmbedHeights(window, script.src);`;

const result = await build({
  stdin: {contents: entry, resolveDir: fileURLToPath(new URL(".", import.meta.url)), loader: "ts"},
  bundle: true,
  format: "iife",
  minify: true,
  target: "es2020",
  write: false,
  legalComments: "none"
});
process.stdout.write(result.outputFiles[0].text);
