// The one message an embed page sends to the page that frames it, and the check every receiver makes before acting
// on one: the host script (embed-host.ts) and the Embed dialog's measurement (embed-dialog.ts).

export const EMBED_HEIGHT_MESSAGE = "kosovo-nato-embed:height";

/** What a host sends its frames to have each post its height again (it may start after they posted the first). */
export const EMBED_MEASURE_REQUEST = "kosovo-nato-embed:measure";

/** A frame is never set shorter or taller than this: a message claiming 0 or a million pixels is not believed. */
export const EMBED_HEIGHT_BOUNDS = {min: 100, max: 10_000} as const;

export interface EmbedHeightMessage {
  type: typeof EMBED_HEIGHT_MESSAGE;
  chart: string;
  height: number;
}

export function embedHeightMessage(chart: string, height: number): EmbedHeightMessage {
  return {type: EMBED_HEIGHT_MESSAGE, chart, height};
}

const MESSAGE_KEYS = ["chart", "height", "type"];

/**
 * The height a message asks for, or null when it is not exactly an embed's height message for `chart`: a plain
 * object with exactly the keys type, chart and height, the right type, the expected chart id, and a finite height
 * within EMBED_HEIGHT_BOUNDS. Anything else a page or another frame posts is ignored.
 */
export function acceptedHeight(data: unknown, chart: string): number | null {
  if (typeof data !== "object" || data === null || Array.isArray(data)) return null;
  if (Object.getPrototypeOf(data) !== Object.prototype) return null;
  const keys = Object.keys(data).sort();
  if (keys.length !== MESSAGE_KEYS.length || keys.some((key, index) => key !== MESSAGE_KEYS[index])) return null;
  const {type, chart: sender, height} = data as Record<string, unknown>;
  if (type !== EMBED_HEIGHT_MESSAGE || sender !== chart) return null;
  if (typeof height !== "number" || !Number.isFinite(height)) return null;
  if (height < EMBED_HEIGHT_BOUNDS.min || height > EMBED_HEIGHT_BOUNDS.max) return null;
  return Math.ceil(height);
}

/** The chart id of an embed address (`…/embed/<chart-id>`, any query or fragment), or null for any other address. */
export function embeddedChartId(src: string, embedRoot: URL): string | null {
  let url: URL;
  try {
    url = new URL(src, embedRoot);
  } catch {
    return null;
  }
  if (url.origin !== embedRoot.origin || !url.pathname.startsWith(embedRoot.pathname)) return null;
  const id = url.pathname.slice(embedRoot.pathname.length);
  return /^[a-z0-9-]+$/.test(id) ? id : null;
}
