/* Duidu on the page: the reading-mode switch, the ¶ links that copy a paragraph's URL, and the
   highlight of the paragraph a link arrives at. The mode itself is set early by duidu-mode.js. */
(function () {
  "use strict";
  var mode = window.duiduMode;

  function syncSwitch() {
    var current = mode.get();
    document.querySelectorAll("[data-dd-mode-option]").forEach(function (button) {
      button.setAttribute("aria-pressed", String(button.getAttribute("data-dd-mode-option") === current));
    });
  }

  function announce(message) {
    var status = document.getElementById("dd-status");
    if (!status) {
      status = document.createElement("div");
      status.id = "dd-status";
      status.className = "dd-status";
      status.setAttribute("role", "status");
      document.body.appendChild(status);
    }
    status.textContent = "";
    window.setTimeout(function () { status.textContent = message; }, 20);
    window.clearTimeout(announce.timer);
    announce.timer = window.setTimeout(function () { status.textContent = ""; }, 4000);
  }

  function unitUrl(id) {
    var url = new URL(window.location.href);
    url.searchParams.set("mode", mode.get());
    url.hash = id;
    return url.toString();
  }

  function copy(text) {
    if (navigator.clipboard && window.isSecureContext) {
      return navigator.clipboard.writeText(text);
    }
    return new Promise(function (resolve, reject) {
      var area = document.createElement("textarea");
      area.value = text;
      area.setAttribute("readonly", "");
      area.style.position = "fixed";
      area.style.opacity = "0";
      document.body.appendChild(area);
      area.select();
      var copied = document.execCommand("copy");
      document.body.removeChild(area);
      (copied ? resolve : reject)();
    });
  }

  function highlight(id) {
    document.querySelectorAll(".dd-highlight").forEach(function (el) { el.classList.remove("dd-highlight"); });
    var target = id && document.getElementById(id);
    if (!target || !(target.classList.contains("dd-block") || target.classList.contains("dd-heading"))) { return; }
    target.classList.add("dd-highlight");
    target.scrollIntoView({ block: "start" });
  }

  function targetId() { return decodeURIComponent(window.location.hash.slice(1)); }

  document.addEventListener("click", function (event) {
    var option = event.target.closest("[data-dd-mode-option]");
    if (option) {
      mode.set(option.getAttribute("data-dd-mode-option"));
      syncSwitch();
      var url = new URL(window.location.href);
      if (url.searchParams.has("mode")) {
        url.searchParams.set("mode", mode.get());
        window.history.replaceState(null, "", url.toString());
      }
      return;
    }
    var permalink = event.target.closest("[data-dd-permalink]");
    if (permalink) {
      event.preventDefault();
      var id = permalink.getAttribute("href").slice(1);
      var url = unitUrl(id);
      window.history.replaceState(null, "", url);
      highlight(id);
      copy(url).then(
        function () { announce("Link copied · 链接已复制"); },
        function () { announce("Copy this link · 请复制链接: " + url); }
      );
    }
  });

  window.addEventListener("hashchange", function () { highlight(targetId()); });

  function start() {
    syncSwitch();
    if (window.location.hash) { highlight(targetId()); }
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
