// Colours from the Okabe–Ito palette: distinct for the common colour-vision deficiencies, legible on light and dark.
export const palette = {
  support: "#0072B2",
  opposed: "#D55E00",
  neutral: "#999999",
  pre: "#0072B2",
  post: "#E69F00",
  straddles: "#999999",
  invasion: "#CC79A7",
  troops: "#009E73",
  notRecognising: "#D55E00",
  recognising: "#56B4E9"
} as const;
