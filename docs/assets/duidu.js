/* Duidu on the page: the reading-mode switch and the reading aids (text size), the ¶ links that copy a
   paragraph's URL, the highlight of the paragraph a link arrives at, and the glossary tooltips. The settings
   themselves are set early by duidu-mode.js. */
(function () {
  "use strict";
  var mode = window.duiduMode;

  function syncSwitch() {
    ["mode", "size", "script"].forEach(function (name) {
      var current = mode.get(name);
      document.querySelectorAll("[data-dd-" + name + "-option]").forEach(function (button) {
        button.setAttribute("aria-pressed", String(button.getAttribute("data-dd-" + name + "-option") === current));
      });
    });
  }

  /* The settings in the address bar follow the reader's choices once the address carries any of them. */
  function syncAddress() {
    var url = new URL(window.location.href);
    if (url.searchParams.has("mode") || url.searchParams.has("size") || url.searchParams.has("scheme")) {
      window.history.replaceState(null, "", mode.carry(url).toString());
    }
  }

  /* The reading aids panel: opened by its button, closed by it, by Escape (focus back on the button) and by
     a click outside. */
  var aidsToggle = document.querySelector(".dd-aids__toggle");
  var aidsPanel = document.getElementById("dd-aids-panel");
  function showAids(open, refocus) {
    if (!aidsToggle || !aidsPanel) { return; }
    aidsToggle.setAttribute("aria-expanded", String(open));
    aidsPanel.hidden = !open;
    if (open) {
      var pressed = aidsPanel.querySelector('[aria-pressed="true"]') || aidsPanel.querySelector("button");
      if (pressed) { pressed.focus(); }
    } else if (refocus) {
      aidsToggle.focus();
    }
  }
  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape" && aidsPanel && !aidsPanel.hidden) {
      showAids(false, true);
    }
  });
  document.addEventListener("click", function (event) {
    if (aidsPanel && !aidsPanel.hidden && !event.target.closest(".dd-aids")) { showAids(false, false); }
  });
  var paletteForm = document.querySelector("[data-md-component=palette]");
  if (paletteForm) { paletteForm.addEventListener("change", function () { window.setTimeout(syncAddress, 0); }); }

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

  /* Traditional characters: the page's Chinese in Traditional is a file beside it (index.zh-hant.json: the
     inner HTML of each outermost zh-Hans element of the article, in document order), fetched the first time
     a reader asks; each element is swapped in place and marked zh-Hant, and swapped back for Simplified. */
  var simplified = null;
  var traditional = null;
  function chineseElements() {
    var article = document.querySelector("article.md-content__inner");
    if (!article) { return []; }
    return Array.prototype.filter.call(article.querySelectorAll("[lang=zh-Hans], [data-dd-hans]"), function (el) {
      return !el.parentElement.closest("[lang=zh-Hans], [data-dd-hans]");
    });
  }
  function traditionalUrl() {
    var path = window.location.pathname;
    return /\/$/.test(path) ? path + "index.zh-hant.json" : path.replace(/\.html$/, "") + ".zh-hant.json";
  }
  function showScript() {
    var wanted = mode.get("script");
    var elements = chineseElements();
    if (wanted === "hans") {
      if (simplified) {
        elements.forEach(function (el, i) { el.innerHTML = simplified[i]; el.setAttribute("lang", "zh-Hans"); el.removeAttribute("data-dd-hans"); });
      }
      return;
    }
    var ready = traditional ? Promise.resolve(traditional) : window.fetch(traditionalUrl()).then(function (response) {
      if (!response.ok) { throw new Error(response.status); }
      return response.json();
    });
    ready.then(function (blocks) {
      traditional = blocks;
      if (mode.get("script") !== "hant") { return; }
      elements = chineseElements();
      if (blocks.length !== elements.length) { return; }  // a page without its file, or another page's: leave it
      if (!simplified) { simplified = elements.map(function (el) { return el.innerHTML; }); }
      elements.forEach(function (el, i) { el.innerHTML = blocks[i]; el.setAttribute("lang", "zh-Hant"); el.setAttribute("data-dd-hans", ""); });
    }).catch(function () { /* no Traditional for this page: the Simplified stays */ });
  }

  /* Sentence alignment (both languages): pointing at a sentence, tapping it, or moving to it with the arrow
     keys while the paragraph's ¶ has the focus highlights it and its counterpart (spans of the same data-s
     in the same block). No tab stop is added: the ¶ is the paragraph's one. Nothing moves: a background. */
  function pairOf(span) {
    var block = span.closest(".dd-block");
    return block ? block.querySelectorAll('.dd-s[data-s="' + span.getAttribute("data-s") + '"]') : [];
  }
  function clearPairs() {
    document.querySelectorAll(".dd-s--on").forEach(function (el) { el.classList.remove("dd-s--on"); });
  }
  function showPair(span) {
    clearPairs();
    if (span && mode.get("mode") === "both") {
      pairOf(span).forEach(function (el) { el.classList.add("dd-s--on"); });
    }
  }
  document.addEventListener("pointerover", function (event) {
    if (event.pointerType === "touch") { return; }  // a tap is a click, below
    var span = event.target.closest && event.target.closest(".dd-s");
    if (span) { showPair(span); } else if (event.target.closest && !event.target.closest(".dd-block")) { clearPairs(); }
  });
  document.addEventListener("keydown", function (event) {
    var link = document.activeElement;
    if (!link || !link.matches || !link.matches(".dd-block > a.headerlink")) { return; }
    var forward = event.key === "ArrowRight" || event.key === "ArrowDown";
    if (!forward && event.key !== "ArrowLeft" && event.key !== "ArrowUp") { return; }
    var spans = link.parentElement.querySelectorAll(".dd-zh .dd-s");
    var numbers = [];
    spans.forEach(function (el) { if (numbers.indexOf(el.getAttribute("data-s")) < 0) { numbers.push(el.getAttribute("data-s")); } });
    if (!numbers.length || mode.get("mode") !== "both") { return; }
    event.preventDefault();
    var on = link.parentElement.querySelector(".dd-s--on");
    var at = on ? numbers.indexOf(on.getAttribute("data-s")) : -1;
    at = forward ? Math.min(at + 1, numbers.length - 1) : Math.max(at - 1, 0);
    var span = link.parentElement.querySelector('.dd-zh .dd-s[data-s="' + numbers[at] + '"]');
    showPair(span);
    announce("Sentence " + (at + 1) + " of " + numbers.length + " · 第 " + (at + 1) + " 句，共 " + numbers.length + " 句");
  });

  function unitUrl(id) {
    var url = mode.carry(new URL(window.location.href));
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
    var sentence = event.target.closest(".dd-s");
    if (sentence && !event.target.closest("a")) {
      if (sentence.classList.contains("dd-s--on")) { clearPairs(); } else { showPair(sentence); }
    }
    var option = event.target.closest("[data-dd-mode-option], [data-dd-size-option], [data-dd-script-option]");
    if (option) {
      var name = ["size", "script"].filter(function (n) { return option.hasAttribute("data-dd-" + n + "-option"); })[0] || "mode";
      mode.set(name, option.getAttribute("data-dd-" + name + "-option"));
      syncSwitch();
      syncAddress();
      if (name === "script") { showScript(); }
      return;
    }
    if (event.target.closest(".dd-aids__toggle")) {
      showAids(aidsPanel.hidden, false);
      return;
    }
    var copyButton = event.target.closest("[data-dd-copy]");
    if (copyButton) {
      var source = document.querySelector('[data-dd-citation="' + copyButton.getAttribute("data-dd-copy") + '"]');
      copy(source.textContent).then(
        function () { announce("Copied · 已复制"); },
        function () { announce("Select the text to copy it · 请选择文本复制"); }
      );
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

  /* Glossary tooltips: a term's gloss (already its accessible description) shown beside it on hover,
     keyboard focus and tap; it stays while the pointer is over it and Escape dismisses it (WCAG 1.4.13).
     A first tap on a touch screen shows the gloss; a second tap follows the link to the glossary. */
  var tooltip = null;
  var shownFor = null;
  var hideTimer = null;
  var lastPointer = "mouse";

  function tooltipElement() {
    if (!tooltip) {
      tooltip = document.createElement("div");
      tooltip.className = "dd-tooltip";
      tooltip.setAttribute("aria-hidden", "true");  // screen readers get the gloss through aria-describedby
      tooltip.addEventListener("pointerenter", function () { window.clearTimeout(hideTimer); });
      tooltip.addEventListener("pointerleave", function () { hideSoon(); });
      document.body.appendChild(tooltip);
    }
    return tooltip;
  }

  function showTip(term) {
    var gloss = document.getElementById(term.getAttribute("aria-describedby"));
    if (!gloss) { return; }
    window.clearTimeout(hideTimer);
    var tip = tooltipElement();
    tip.innerHTML = "";
    tip.appendChild(gloss.cloneNode(true)).removeAttribute("id");
    tip.classList.add("dd-tooltip--shown");
    var box = term.getBoundingClientRect();
    var width = Math.min(320, window.innerWidth - 16);
    tip.style.width = width + "px";
    var left = Math.max(8, Math.min(box.left + window.scrollX, window.scrollX + window.innerWidth - width - 8));
    tip.style.left = left + "px";
    var below = box.bottom + window.scrollY + 6;
    tip.style.top = below + "px";
    if (box.bottom + tip.offsetHeight + 12 > window.innerHeight && box.top > tip.offsetHeight + 12) {
      tip.style.top = (box.top + window.scrollY - tip.offsetHeight - 6) + "px";
    }
    shownFor = term;
  }

  function hideTip() {
    if (tooltip) { tooltip.classList.remove("dd-tooltip--shown"); }
    shownFor = null;
  }

  function hideSoon() {
    window.clearTimeout(hideTimer);
    hideTimer = window.setTimeout(hideTip, 300);
  }

  function termOf(event) { return event.target.closest && event.target.closest("a.dd-term"); }

  document.addEventListener("pointerdown", function (event) { lastPointer = event.pointerType || "mouse"; }, true);
  document.addEventListener("keydown", function () { lastPointer = "keyboard"; }, true);
  document.addEventListener("touchstart", function () { lastPointer = "touch"; }, { capture: true, passive: true });
  document.addEventListener("pointerover", function (event) {
    var term = termOf(event);
    if (term && event.pointerType !== "touch") { showTip(term); }
  });
  document.addEventListener("pointerout", function (event) {
    var term = termOf(event);
    if (term && event.pointerType !== "touch") { hideSoon(); }
  });
  document.addEventListener("focusin", function (event) {
    var term = termOf(event);
    if (term && lastPointer !== "touch") { showTip(term); }  // a tap is handled on click
  });
  document.addEventListener("focusout", function (event) {
    if (termOf(event)) { hideSoon(); }
  });
  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape" && shownFor) { hideTip(); }
  });
  document.addEventListener("click", function (event) {
    var term = termOf(event);
    var touch = (event.pointerType || lastPointer) === "touch";
    if (term && touch && shownFor !== term) {
      event.preventDefault();
      showTip(term);
    } else if (!term && shownFor && !(tooltip && tooltip.contains(event.target))) {
      hideTip();
    }
  });

  function start() {
    syncSwitch();
    if (mode.get("script") === "hant") { showScript(); }
    if (window.location.hash) { highlight(targetId()); }
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
