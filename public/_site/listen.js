// Listening, as progressive enhancement: without this script every player still works on its own.
// - Players show their real length: a player marked data-lazy-meta asks for the file's metadata once it comes near
//   the screen (a long FAQ page stays light, and no control reads 0:00).
// - A listening box ([data-queue]) gets its large play button: it plays the box's players in order, then offers
//   「続きを聞く」 (and that link carries the playing on to the next view).
// - Every section or question with its own audio gets a 「ここから聞く」 button that plays it and the units after it.
(() => {
  const KEY = "leaflet-continue";

  const lazy = Array.from(document.querySelectorAll("audio[data-lazy-meta]"));
  if ("IntersectionObserver" in window) {
    const io = new IntersectionObserver(
      (entries) => {
        for (const entry of entries) {
          if (!entry.isIntersecting) continue;
          const audio = entry.target;
          if (audio.preload === "none") audio.preload = "metadata";
          io.unobserve(audio);
        }
      },
      { rootMargin: "300px 0px" },
    );
    for (const audio of lazy) io.observe(audio);
  }

  /** Calls `done` when the player reaches its end, or the end of its stretch (data-end, a media fragment's end). */
  const onFinish = (audio, done) => {
    const end = Number(audio.dataset.end);
    let fired = false;
    const finish = () => {
      if (fired) return;
      fired = true;
      done();
    };
    audio.addEventListener("play", () => {
      fired = false;
    });
    audio.addEventListener("ended", finish);
    if (end > 0) {
      // The browser itself pauses at a media fragment's end (without an "ended" event): either way, it is finished.
      const check = () => {
        if (audio.currentTime < end - 0.1) return;
        if (!audio.paused) audio.pause();
        finish();
      };
      audio.addEventListener("timeupdate", check);
      audio.addEventListener("pause", check);
    }
  };

  const play = (audio) => {
    const started = audio.play();
    if (started && typeof started.catch === "function") started.catch(() => {});
    return started;
  };

  for (const box of document.querySelectorAll("[data-queue]")) {
    const button = box.querySelector("[data-queue-play]");
    const label = box.querySelector("[data-queue-label]");
    const players = Array.from(box.querySelectorAll("[data-queue-item] audio"));
    const items = Array.from(box.querySelectorAll("[data-queue-item]"));
    const next = box.querySelector("[data-queue-next]");
    if (!button || !label || players.length === 0) continue;
    let current = 0;
    let running = false;
    const say = (text) => {
      label.textContent = text;
    };
    const mark = (i) => {
      items.forEach((item, k) => {
        item.classList.toggle("playing", k === i);
      });
    };

    button.addEventListener("click", () => {
      const audio = players[current];
      if (!audio.paused) {
        audio.pause();
        return;
      }
      running = true;
      next?.classList.remove("offered");
      play(audio);
    });
    players.forEach((audio, i) => {
      audio.addEventListener("play", () => {
        current = i;
        mark(i);
        say("一時停止");
        button.classList.add("is-playing");
      });
      audio.addEventListener("pause", () => {
        button.classList.remove("is-playing");
        if (!audio.ended) say("続きから再生");
      });
      onFinish(audio, () => {
        if (running && i + 1 < players.length) {
          current = i + 1;
          players[current].currentTime = Number(players[current].dataset.start) || 0;
          play(players[current]);
          return;
        }
        running = false;
        current = 0;
        mark(-1);
        button.classList.remove("is-playing");
        say("もう一度聞く");
        if (next) next.classList.add("offered");
      });
    });
    button.hidden = false;

    // Arriving from a 「続きを聞く」 link: carry on playing (the browser may refuse without a new tap; the button stays).
    let carried = false;
    try {
      carried = sessionStorage.getItem(KEY) === "1";
      sessionStorage.removeItem(KEY);
    } catch {
      // Storage may be blocked: the resident presses the button.
    }
    if (carried && box === document.querySelector("[data-queue]")) {
      running = true;
      play(players[0]);
    }
  }

  for (const link of document.querySelectorAll("[data-continue]")) {
    link.addEventListener("click", () => {
      try {
        sessionStorage.setItem(KEY, "1");
      } catch {
        // See above.
      }
    });
  }

  // 「ここから聞く」: a unit's audio, then the next units' in reading order, until the end or a pause.
  const unitPlayers = Array.from(document.querySelectorAll(".unit > .audio > audio[data-part]"));
  let chain = false;
  unitPlayers.forEach((audio, i) => {
    const unit = audio.closest(".unit");
    const heading = unit?.querySelector(".unit-heading");
    const holder = audio.closest(".audio");
    if (!unit || !holder) return;
    const name = heading?.querySelector(".qnum")?.textContent?.replace(/\.$/, "") || heading?.textContent?.trim() || "";
    const button = document.createElement("button");
    button.type = "button";
    button.className = "listen-from-here";
    button.textContent = "ここから聞く";
    const hint = document.createElement("span");
    hint.className = "visually-hidden";
    hint.textContent = `（${name}から続けて）`;
    button.append(hint);
    button.addEventListener("click", () => {
      for (const other of document.querySelectorAll("audio")) if (!other.paused) other.pause();
      chain = true;
      audio.currentTime = 0;
      play(audio);
    });
    holder.before(button);
    onFinish(audio, () => {
      if (!chain) return;
      const following = unitPlayers[i + 1];
      if (following) play(following);
      else chain = false;
    });
  });
  for (const audio of document.querySelectorAll("[data-queue] audio")) {
    audio.addEventListener("play", () => {
      chain = false;
    });
  }
})();
