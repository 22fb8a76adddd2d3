// The ids the website's page chrome uses itself (skip link target, contents, players, editions list).
// A section or question may not take them: its anchor would collide with the page's own.

export const PAGE_CHROME_IDS = [
  "main-content",
  "toc-heading",
  "audio-heading",
  "editions-heading",
  "playback-speed",
  "page-contact",
] as const;
