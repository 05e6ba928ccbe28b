// Ymarfer's small enhancements on top of htmx. Every page works without this file.
(function () {
  "use strict";
  // Upload progress for large files: fill in the <progress> beside the form.
  document.addEventListener("htmx:xhr:progress", function (event) {
    var form = event.target;
    var bar = form && form.querySelector ? form.querySelector(".upload-progress") : null;
    if (bar && event.detail && event.detail.lengthComputable) {
      bar.hidden = false;
      bar.value = Math.round((event.detail.loaded * 100) / event.detail.total);
    }
  });
})();

// "Print" buttons: shown only when scripts run, since printing needs them.
document.addEventListener("DOMContentLoaded", function () {
  document.querySelectorAll("[data-print]").forEach(function (button) {
    button.hidden = false;
    button.addEventListener("click", function () { window.print(); });
  });
});

// A live session's screens: when the room changes (the events stream sends
// its new version), draw the room again from the page itself. Without the
// stream, ask every five seconds; without scripts, the Refresh link does it.
document.addEventListener("DOMContentLoaded", function () {
  var region = document.querySelector("[data-live-events]");
  if (!region) { return; }
  var drawn = region.getAttribute("data-version");
  var busy = false;
  function redraw() {
    if (busy) { return; }
    busy = true;
    fetch(window.location.pathname, { credentials: "same-origin" })
      .then(function (res) { return res.text(); })
      .then(function (html) {
        var doc = new DOMParser().parseFromString(html, "text/html");
        var fresh = doc.querySelector("[data-live-events]");
        if (!fresh) { return; }
        var current = document.querySelector("[data-live-events]");
        // A new activity or stage may bring a form (writing, answering) or
        // take one away: reload, unless a note or a line is half written.
        var typing = document.querySelector(".live-write textarea, #answer #line");
        if (fresh.getAttribute("data-stage") !== current.getAttribute("data-stage") &&
            !(typing && typing.value.trim() && typing.value !== typing.defaultValue)) {
          window.location.reload();
          return;
        }
        current.innerHTML = fresh.innerHTML;
        current.setAttribute("data-version", fresh.getAttribute("data-version"));
        drawn = fresh.getAttribute("data-version");
        countdown();
      })
      .catch(function () {})
      .then(function () { busy = false; });
  }
  if (window.EventSource) {
    var events = new EventSource(region.getAttribute("data-live-events"));
    events.onmessage = function (e) { if (e.data !== drawn) { redraw(); } };
  } else {
    window.setInterval(redraw, 5000);
  }
  // The timer counts down on every screen.
  var tick = null;
  function countdown() {
    var timer = document.querySelector("[data-timer-ends]");
    if (tick) { window.clearInterval(tick); tick = null; }
    if (!timer) { return; }
    var ends = Date.parse(timer.getAttribute("data-timer-ends"));
    var show = timer.querySelector(".live-countdown") || document.createElement("span");
    show.className = "live-countdown";
    show.setAttribute("aria-hidden", "true");
    timer.appendChild(show);
    function update() {
      var left = Math.max(0, Math.round((ends - Date.now()) / 1000));
      show.textContent = " " + Math.floor(left / 60) + ":" + String(left % 60).padStart(2, "0");
    }
    update();
    tick = window.setInterval(update, 1000);
  }
  countdown();
});

// A table wider than the screen scrolls inside its labelled region; say so
// above it, and to screen readers, while (and only while) it does.
document.addEventListener("DOMContentLoaded", function () {
  var text = document.body.getAttribute("data-scroll-hint");
  if (!text) { return; }
  var regions = document.querySelectorAll(".table-wrap");
  function mark() {
    regions.forEach(function (region, i) {
      var scrolls = region.scrollWidth > region.clientWidth + 1;
      var hint = region.previousElementSibling;
      var has = hint && hint.classList.contains("scroll-hint");
      if (scrolls && !has) {
        hint = document.createElement("p");
        hint.className = "scroll-hint";
        hint.id = "scroll-hint-" + i;
        hint.textContent = text;
        region.parentNode.insertBefore(hint, region);
        region.setAttribute("aria-describedby", hint.id);
      } else if (!scrolls && has) {
        hint.remove();
        region.removeAttribute("aria-describedby");
      }
    });
  }
  mark();
  window.addEventListener("resize", mark);
});
