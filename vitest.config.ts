import {defineConfig} from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    // Loader tests spawn tsx processes; give them room on a 2-core machine.
    testTimeout: 60_000,
    hookTimeout: 180_000
  }
});
