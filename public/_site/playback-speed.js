// Playback speed for every audio player on a leaflet page. Progressive enhancement: the control stays hidden
// without this script, and the players still work at normal speed.
(() => {
  const control = document.querySelector("[data-speed-control]");
  const select = control?.querySelector("select");
  if (!control || !select) return;
  const KEY = "leaflet-playback-speed";
  const players = () => Array.from(document.querySelectorAll("audio"));
  const rate = () => Number(select.value) || 1;

  // Loading a file resets playbackRate to defaultPlaybackRate, so both are set.
  const apply = () => {
    for (const audio of players()) {
      audio.defaultPlaybackRate = rate();
      audio.playbackRate = rate();
    }
  };

  try {
    const saved = localStorage.getItem(KEY);
    if (saved && Array.from(select.options).some((o) => o.value === saved)) select.value = saved;
  } catch {
    // Storage may be blocked; the choice then lasts for this page only.
  }
  apply();

  select.addEventListener("change", () => {
    apply();
    try {
      localStorage.setItem(KEY, select.value);
    } catch {
      // See above.
    }
  });

  // One voice at a time: starting a player pauses the others.
  document.addEventListener(
    "play",
    (event) => {
      const started = event.target;
      if (!(started instanceof HTMLMediaElement)) return;
      started.playbackRate = rate();
      for (const audio of players()) if (audio !== started && !audio.paused) audio.pause();
    },
    true,
  );

  control.hidden = false;
})();
