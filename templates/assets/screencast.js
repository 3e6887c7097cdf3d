// The screencast player: replays the asciicast v2 recording embedded in each
// <figure class="screencast" data-cast="…"> into its <pre>. No network, no framework. Until Play is pressed
// the <pre> keeps the plain transcript the page was built with (and that is all a reader
// without JavaScript sees). Text reaches the page through text nodes only, never innerHTML.
(function () {
  "use strict";
  var COLOURS = ["black", "red", "green", "yellow", "blue", "magenta", "cyan", "white"];
  var SPEEDS = [1, 2, 4, 16];

  // Header line, then [time, "o", text] events; anything else is skipped.
  function parseCast(text) {
    var lines = text.split("\n").filter(function (line) { return line.trim() !== ""; });
    if (lines.length === 0) { throw new Error("empty recording"); }
    var header = JSON.parse(lines[0]);
    if (!header || header.version !== 2) { throw new Error("not an asciicast v2 recording"); }
    var events = [];
    for (var i = 1; i < lines.length; i++) {
      var event = JSON.parse(lines[i]);
      if (Array.isArray(event) && typeof event[0] === "number" && event[1] === "o" && typeof event[2] === "string") {
        events.push({ ms: event[0] * 1000, text: event[2] });
      }
    }
    return { header: header, events: events };
  }

  // A terminal that appends text to a <pre>, turning SGR colour codes into spans and dropping
  // every other escape and control sequence.
  function Screen(pre) {
    this.pre = pre;
    this.style = {};
    this.pending = "";
  }

  Screen.prototype.clear = function () {
    this.pre.textContent = "";
    this.style = {};
    this.pending = "";
  };

  Screen.prototype.classes = function () {
    var s = this.style, out = [];
    if (s.bold) { out.push("ansi-bold"); }
    if (s.dim) { out.push("ansi-dim"); }
    if (s.underline) { out.push("ansi-underline"); }
    if (s.fg) { out.push("ansi-fg-" + s.fg); }
    if (s.bg) { out.push("ansi-bg-" + s.bg); }
    return out.join(" ");
  };

  Screen.prototype.append = function (text) {
    if (text === "") { return; }
    var names = this.classes();
    if (names === "") {
      this.pre.appendChild(document.createTextNode(text));
    } else {
      var span = document.createElement("span");
      span.className = names;
      span.textContent = text;
      this.pre.appendChild(span);
    }
  };

  Screen.prototype.sgr = function (params) {
    var codes = params === "" ? [0] : params.split(";").map(function (p) { return parseInt(p, 10) || 0; });
    for (var i = 0; i < codes.length; i++) {
      var c = codes[i];
      if (c === 0) { this.style = {}; }
      else if (c === 1) { this.style.bold = true; }
      else if (c === 2) { this.style.dim = true; }
      else if (c === 4) { this.style.underline = true; }
      else if (c === 22) { this.style.bold = false; this.style.dim = false; }
      else if (c === 24) { this.style.underline = false; }
      else if (c >= 30 && c <= 37) { this.style.fg = COLOURS[c - 30]; }
      else if (c >= 90 && c <= 97) { this.style.fg = COLOURS[c - 90]; this.style.bold = true; }
      else if (c === 39) { this.style.fg = null; }
      else if (c >= 40 && c <= 47) { this.style.bg = COLOURS[c - 40]; }
      else if (c === 49) { this.style.bg = null; }
      else if (c === 38 || c === 48) { i += codes[i + 1] === 5 ? 2 : 4; } // 256-colour and RGB: skipped
    }
  };

  Screen.prototype.write = function (chunk) {
    var text = this.pending + chunk, plain = "", i = 0;
    this.pending = "";
    while (i < text.length) {
      var ch = text.charAt(i);
      if (ch === "\x1b") {
        this.append(plain);
        plain = "";
        var rest = text.slice(i);
        var csi = /^\x1b\[([0-9;?]*)([@-~])/.exec(rest);
        if (csi) {
          if (csi[2] === "m") { this.sgr(csi[1]); }
          i += csi[0].length;
        } else if (/^\x1b(\[[0-9;?]*)?$/.test(rest)) {
          this.pending = rest; // the sequence continues in the next event
          return;
        } else {
          i += 2; // some other two-byte escape
        }
      } else if (ch === "\n" || ch === "\t" || ch >= " ") {
        plain += ch;
        i++;
      } else {
        i++; // \r, backspace, bell…: nothing to draw in a scrolling transcript
      }
    }
    this.append(plain);
    this.pre.scrollTop = this.pre.scrollHeight;
  };

  function clock(ms) {
    var s = Math.floor(ms / 1000);
    return Math.floor(s / 60) + ":" + (s % 60 < 10 ? "0" : "") + (s % 60);
  }

  function Player(figure, cast, pre) {
    var self = this;
    this.figure = figure;
    this.cast = cast;
    this.screen = new Screen(pre);
    this.index = 0;
    this.position = 0;
    this.speed = 1;
    this.timer = null;
    this.started = false;
    this.total = cast.events.length ? cast.events[cast.events.length - 1].ms : 0;

    var controls = document.createElement("div");
    controls.className = "screencast-controls";
    this.button = document.createElement("button");
    this.button.type = "button";
    this.button.className = "screencast-play";
    this.button.textContent = "Play";
    this.button.addEventListener("click", function () { self.toggle(); });
    var label = document.createElement("label");
    label.textContent = "Speed ";
    this.select = document.createElement("select");
    this.select.className = "screencast-speed";
    SPEEDS.forEach(function (speed) {
      var option = document.createElement("option");
      option.value = String(speed);
      option.textContent = speed + "\u00d7";
      self.select.appendChild(option);
    });
    this.select.addEventListener("change", function () { self.setSpeed(parseFloat(self.select.value) || 1); });
    label.appendChild(this.select);
    this.time = document.createElement("span");
    this.time.className = "screencast-time";
    controls.appendChild(this.button);
    controls.appendChild(label);
    controls.appendChild(this.time);
    figure.insertBefore(controls, pre);
    this.showTime();
    figure.setAttribute("data-state", "ready");
  }

  Player.prototype.showTime = function () {
    this.time.textContent = clock(this.position) + " / " + clock(this.total);
  };

  Player.prototype.toggle = function () {
    if (this.timer !== null) { this.pause(); } else { this.play(); }
  };

  Player.prototype.play = function () {
    if (!this.started || this.index >= this.cast.events.length) {
      this.screen.clear(); // the transcript gives way to the replay only now
      this.index = 0;
      this.position = 0;
      this.started = true;
    }
    this.origin = Date.now() - this.position / this.speed;
    this.button.textContent = "Pause";
    this.figure.setAttribute("data-state", "playing");
    this.tick();
  };

  Player.prototype.pause = function () {
    if (this.timer !== null) { clearTimeout(this.timer); }
    this.timer = null;
    this.position = Math.min((Date.now() - this.origin) * this.speed, this.total);
    this.button.textContent = "Play";
    this.figure.setAttribute("data-state", "paused");
    this.showTime();
  };

  Player.prototype.setSpeed = function (speed) {
    var playing = this.timer !== null;
    if (playing) { this.pause(); }
    this.speed = speed;
    if (playing) { this.play(); }
  };

  // Writes every event that is due, then sleeps until the next one.
  Player.prototype.tick = function () {
    var self = this, events = this.cast.events;
    var now = (Date.now() - this.origin) * this.speed;
    while (this.index < events.length && events[this.index].ms <= now) {
      this.screen.write(events[this.index].text);
      this.position = events[this.index].ms;
      this.index++;
    }
    this.showTime();
    if (this.index >= events.length) {
      this.timer = null;
      this.position = this.total;
      this.showTime();
      this.button.textContent = "Replay";
      this.figure.setAttribute("data-state", "ended");
      return;
    }
    var wait = Math.max(0, (events[this.index].ms - now) / this.speed);
    this.timer = setTimeout(function () { self.tick(); }, wait);
  };

  var figures = document.querySelectorAll("figure.screencast");
  for (var i = 0; i < figures.length; i++) {
    var figure = figures[i];
    var data = figure.getAttribute("data-cast");
    var pre = figure.querySelector("pre.screencast-screen");
    if (!data || !pre) { continue; }
    try {
      new Player(figure, parseCast(data), pre);
    } catch (error) {
      figure.setAttribute("data-state", "transcript"); // unreadable recording: the transcript stays
    }
  }
})();
