// `npm run screenshots`: every route of the built site, in every language, at phone and desktop widths, into screenshots/ (for looking, not testing).
import {mkdirSync} from "node:fs";
import {fileURLToPath} from "node:url";
import {languageRoutes, launchChromium, routes} from "../test/browser/chromium.ts";
import {startStaticServer} from "./static-server.ts";

const outDir = process.env.OUT ?? "screenshots";
const only = process.argv.slice(2);
const widths = [375, 1280];
mkdirSync(outDir, {recursive: true});
const root = process.env.SITE_DIR ?? fileURLToPath(new URL("../dist/", import.meta.url));
const {server, url} = await startStaticServer({root});
const browser = await launchChromium();
try {
  for (const route of [...routes, ...languageRoutes].filter((r) => only.length === 0 || only.includes(r))) {
    for (const width of widths) {
      for (const colorScheme of ["light", "dark"] as const) {
        if (colorScheme === "dark" && width !== 1280) continue;
        const page = await browser.newPage({viewport: {width, height: 900}, colorScheme});
        page.on("console", (message) => message.type() === "error" && console.error(`${route} ${width}: console error: ${message.text()}`));
        await page.goto(new URL(route.slice(1), url).href, {waitUntil: "networkidle"});
        const name = `${route.replace(/\/$/, "/index").slice(1).replace(/\//g, "-") || "index"}-${width}${colorScheme === "dark" ? "-dark" : ""}.png`;
        await page.screenshot({path: `${outDir}/${name}`, fullPage: true});
        console.log(`${outDir}/${name}`);
        // Phone pages are long: also save screen-sized slices, readable at full resolution.
        if (width < 600) {
          const height = await page.evaluate(() => document.documentElement.scrollHeight);
          for (let top = 0, part = 1; top < height; top += 800, part++) {
            const slice = name.replace(".png", `-part${part}.png`);
            await page.screenshot({path: `${outDir}/${slice}`, fullPage: true, clip: {x: 0, y: top, width, height: Math.min(800, height - top)}});
          }
        }
        await page.close();
      }
    }
  }
} finally {
  await browser.close();
  server.close();
}
