// Colours from the Okabe–Ito palette: distinct for the common colour-vision deficiencies, legible on light and dark.
//
// Marks (dots, lines, bars) need 3:1 against the page in both schemes (WCAG 1.4.11): against white (#ffffff) and
// Framework's near-midnight background (#161616). Three Okabe–Ito hues fall short on white (neutral #999999 2.85:1,
// post #E69F00 2.25:1, recognising #56B4E9 2.31:1) and are darkened here as little as that takes; the others pass
// as published. Ratios (white / #161616): support and pre #0072B2 5.19 / 3.49; opposed and notRecognising #D55E00
// 3.87 / 4.68; neutral and straddles #8F8F8F 3.23 / 5.60; post #C08400 3.21 / 5.64; invasion #CC79A7 3.06 / 5.91;
// troops #009E73 3.42 / 5.29; recognising #2E8FCB 3.55 / 5.09.
export const palette = {
  support: "#0072B2",
  opposed: "#D55E00",
  neutral: "#8F8F8F",
  pre: "#0072B2",
  post: "#C08400",
  straddles: "#8F8F8F",
  invasion: "#CC79A7",
  troops: "#009E73",
  notRecognising: "#D55E00",
  recognising: "#2E8FCB"
} as const;

/**
 * Text drawn in a palette hue needs 4.5:1, which none of the hues reaches on both backgrounds: each has a darker
 * shade for the light scheme and a lighter one for the dark. Charts set `fill: textColors.troops` (a CSS variable
 * with the light shade as its fallback); src/components/chart-text.css defines the variables for both schemes (a
 * test keeps it in step with `textShades`), and the SVG/PNG export resolves them to the export theme's shade (export-svg.ts).
 * Ratios (light on white / dark on #161616; the dark page measures #1E1E1E in Chromium, where each is a little lower
 * and still above 4.5): troops 5.35 / 8.14, invasion 5.10 / 9.08, notRecognising 5.39 / 7.27, pre (and support)
 * 5.19 / 7.84, post 5.05 / 8.03.
 */
export const textShades = {
  troops: {variable: "--text-troops", light: "#007A58", dark: "#2EC495"},
  invasion: {variable: "--text-invasion", light: "#A8507F", dark: "#E8A3CB"},
  notRecognising: {variable: "--text-not-recognising", light: "#B34A00", dark: "#F08A4B"},
  pre: {variable: "--text-pre", light: "#0072B2", dark: "#56B4E9"},
  post: {variable: "--text-post", light: "#946600", dark: "#E69F00"}
} as const;

export const textColors = Object.fromEntries(Object.entries(textShades).map(([key, shade]) => [key, `var(${shade.variable}, ${shade.light})`])) as {
  [key in keyof typeof textShades]: string;
};
