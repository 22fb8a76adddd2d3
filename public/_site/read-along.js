// Read-along, as progressive enhancement: while a player of this page plays, the sentence being read is highlighted
// and kept in view, from the audio edition's timing map (article[data-timing]). Only a class changes: screen readers
// hear nothing extra, and without this script the page is exactly the same.
(() => {
  const article = document.querySelector("article[data-timing]");
  if (!article) return;
  const CLASS = "reading-now";
  const reduceMotion = window.matchMedia("(prefers-reduced-motion: reduce)").matches;
  let loading = null;
  let map = null;
  const load = () => {
    loading ??= fetch(article.dataset.timing)
      .then((r) => (r.ok ? r.json() : null))
      .then((m) => {
        map = m && Array.isArray(m.parts) ? m : null;
      })
      .catch(() => {});
    return loading;
  };

  // The sentences a player plays, with times in its own file: a unit's part, or every part of the whole leaflet.
  const sentencesFor = (part) => {
    if (!map) return [];
    if (part === "_all") {
      return map.parts.flatMap((p) =>
        p.sentences.map((s) => ({ id: s.id, start: s.start + p.offsetSeconds, end: s.end + p.offsetSeconds })),
      );
    }
    const found = map.parts.find((p) => p.id === part);
    return found ? found.sentences : [];
  };
  // Announcements (「答え」, a speaker's name) light the text they introduce.
  const elementOf = (id) => document.getElementById(id.endsWith("~a") ? id.slice(0, -2) : id);

  let lastUserScroll = 0;
  for (const type of ["wheel", "touchmove"]) addEventListener(type, () => (lastUserScroll = Date.now()), { passive: true });
  addEventListener("keydown", (e) => {
    if (["PageUp", "PageDown", "Home", "End", "ArrowUp", "ArrowDown", " "].includes(e.key)) lastUserScroll = Date.now();
  });
  const keepInView = (el) => {
    // A resident who just scrolled away is reading elsewhere: leave the page where they put it for a while.
    if (Date.now() - lastUserScroll < 4000) return;
    const r = el.getBoundingClientRect();
    if (r.top >= 0 && r.bottom <= innerHeight) return;
    el.scrollIntoView({ block: "center", behavior: reduceMotion ? "auto" : "smooth" });
  };

  let active = null;
  let lit = null;
  const light = (el) => {
    if (el === lit) return;
    lit?.classList.remove(CLASS);
    lit = el;
    if (el) {
      el.classList.add(CLASS);
      keepInView(el);
    }
  };
  // The sentence being heard: the last one that has started (pauses between sentences keep the one just read).
  const update = () => {
    if (!active) return;
    const t = active.audio.currentTime;
    let current = null;
    for (const s of active.sentences) {
      if (s.start <= t + 0.01) current = s;
      else break;
    }
    light(current && t <= current.end + 1.5 ? elementOf(current.id) : null);
  };
  let frame = 0;
  const loop = () => {
    update();
    if (active && !active.audio.paused) frame = requestAnimationFrame(loop);
  };

  const follow = async (audio) => {
    const part = audio.dataset.part;
    if (!part || !article.contains(audio)) return;
    await load();
    active = { audio, sentences: [...sentencesFor(part)].sort((a, b) => a.start - b.start) };
    cancelAnimationFrame(frame);
    loop();
  };
  document.addEventListener(
    "play",
    (e) => {
      if (e.target instanceof HTMLMediaElement) follow(e.target);
    },
    true,
  );
  for (const type of ["timeupdate", "seeked"]) {
    document.addEventListener(
      type,
      (e) => {
        if (active && e.target === active.audio) update();
      },
      true,
    );
  }
  document.addEventListener(
    "ended",
    (e) => {
      if (active && e.target === active.audio) {
        light(null);
        active = null;
      }
    },
    true,
  );
})();
