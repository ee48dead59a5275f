// The optional script a host page loads beside the embed snippet (built as /embed.js by src/embed.js.ts): it keeps
// each of the dashboard's frames as tall as its content. Self-contained and small; it trusts nothing it receives.
import {EMBED_MEASURE_REQUEST, acceptedHeight, embeddedChartId} from "./embed-message.js";

/**
 * Listens for height messages and sets the height of the frame that sent each one. Acts only on a message whose
 * origin is the dashboard's (the origin this script was served from), whose source is the window of one of the
 * host page's frames showing a dashboard embed, and whose data is exactly a height message for that frame's chart.
 * `scriptUrl` is this script's own address: the embeds live beside it, at `<site>/embed/<chart-id>`.
 */
export function watchEmbedHeights(window: Window, scriptUrl: string): void {
  const embedRoot = new URL("embed/", scriptUrl);
  const frameFor = (source: MessageEventSource | null): HTMLIFrameElement | null => {
    if (!source) return null;
    // Looked up at each message: frames the host page adds later (an article loaded in parts) are found too.
    for (const frame of Array.from(window.document.querySelectorAll("iframe"))) if (frame.contentWindow === source) return frame;
    return null;
  };
  window.addEventListener("message", (event) => {
    if (event.origin !== embedRoot.origin) return;
    const frame = frameFor(event.source);
    if (!frame) return;
    const chart = embeddedChartId(frame.src, embedRoot);
    if (!chart) return;
    const height = acceptedHeight(event.data, chart);
    if (height !== null) frame.style.height = `${height}px`;
  });
  // Frames that loaded before this script posted their heights to no one: ask them again, only them, by origin.
  for (const frame of Array.from(window.document.querySelectorAll("iframe"))) {
    if (embeddedChartId(frame.src, embedRoot)) frame.contentWindow?.postMessage(EMBED_MEASURE_REQUEST, embedRoot.origin);
  }
}
