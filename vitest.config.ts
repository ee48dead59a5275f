import {defineConfig} from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    // Builds the site once for the browser tests (skipped, with the reason printed, when Chromium is missing).
    globalSetup: ["test/browser/site.ts"],
    // Each test file starts in English (src/lib/i18n.ts needs a language before anything is drawn).
    setupFiles: ["test/setup.ts"],
    // Loader tests spawn tsx processes and browser tests drive Chromium; give them room on a 2-core machine.
    testTimeout: 60_000,
    hookTimeout: 600_000
  }
});
