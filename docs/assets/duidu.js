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
    document.querySelectorAll("[data-dd-toggle]").forEach(function (button) {
      button.setAttribute("aria-pressed", String(mode.get(button.getAttribute("data-dd-toggle")) === "on"));
    });
  }

  /* The settings in the address bar follow the reader's choices once the address carries any of them. */
  function syncAddress() {
    var url = new URL(window.location.href);
    if (["mode", "size", "script", "pinyin", "dict", "scheme"].some(function (name) { return url.searchParams.has(name); })) {
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

  /* The Chinese as the reader asks for it: in Simplified (as written) or Traditional, with pinyin above
     the characters, and with every word a button opening its dictionary card. Each comes from a file beside
     the page, fetched the first time it is needed: index.zh-hant.json (the inner HTML of each outermost
     zh-Hans element of the article, in Traditional) and index.words.json (each element's text as pieces:
     a word's number or minus the length of what is not a word; and each word's pinyin, glossary term and
     CC-CEDICT headwords). Every change starts again
     from the element as written, so any combination can be turned on and off. */
  var simplified = null;
  var loaded = {};
  function chineseElements() {
    var article = document.querySelector("article.md-content__inner");
    if (!article) { return []; }
    // What this script adds (the passage panel, the handout's term list) is not the page's text the
    // companion files describe, element for element.
    return Array.prototype.filter.call(article.querySelectorAll("[lang=zh-Hans], [data-dd-hans]"), function (el) {
      return !el.parentElement.closest("[lang=zh-Hans], [data-dd-hans]") && !el.closest("[data-dd-generated]");
    });
  }
  function companionUrl(suffix) {
    var path = window.location.pathname;
    return /\/$/.test(path) ? path + "index" + suffix : path.replace(/\.html$/, "") + suffix;
  }
  /* A JSON file, fetched once; one that failed is fetched again the next time it is asked for. */
  function fetchJson(url) {
    if (!loaded[url]) {
      loaded[url] = window.fetch(url).then(function (response) {
        if (!response.ok) { throw new Error(response.status); }
        return response.json();
      });
      loaded[url].catch(function () { delete loaded[url]; });
    }
    return loaded[url];
  }
  function load(suffix) { return fetchJson(companionUrl(suffix)); }
  var shown = { script: "hans", pinyin: "off", dict: "off" };
  var words = null;
  var nearby = null;
  function showChinese() {
    var wanted = { script: mode.get("script"), pinyin: mode.get("pinyin"), dict: mode.get("dict") };
    if (wanted.script === shown.script && wanted.pinyin === shown.pinyin && wanted.dict === shown.dict) { return; }
    var needsWords = wanted.pinyin === "on" || wanted.dict === "on";
    Promise.all([
      wanted.script === "hant" ? load(".zh-hant.json") : null,
      needsWords ? load(".words.json") : null
    ]).then(function (files) {
      var now = { script: mode.get("script"), pinyin: mode.get("pinyin"), dict: mode.get("dict") };
      if (now.script !== wanted.script || now.pinyin !== wanted.pinyin || now.dict !== wanted.dict) { return; }  // a later choice draws
      var elements = chineseElements();
      if (!simplified) { simplified = elements.map(function (el) { return el.innerHTML; }); }
      if (simplified.length !== elements.length) { return; }
      var hant = files[0];
      if (hant && hant.length !== elements.length) { hant = null; }  // another page's file: Simplified stays
      words = files[1] && files[1].blocks.length === elements.length ? files[1] : null;
      closeCard(false);
      if (nearby) { nearby.disconnect(); nearby = null; }
      if (words) {
        // Words are wrapped where the reader is and as they come near: a page's thousands of rubies and
        // buttons, laid out at once, held a phone's main thread for over half a second.
        nearby = new IntersectionObserver(function (entries, observer) {
          entries.forEach(function (entry) {
            if (!entry.isIntersecting) { return; }
            observer.unobserve(entry.target);
            var i = elements.indexOf(entry.target);
            if (!annotate(entry.target, words.blocks[i], wanted)) { entry.target.innerHTML = hant ? hant[i] : simplified[i]; }
          });
        }, { rootMargin: "100% 0px" });
      }
      // The script everywhere at once (one layout of the page; the theme measures it after every change),
      // the words as each element comes near.
      elements.forEach(function (el, i) {
        el.innerHTML = hant ? hant[i] : simplified[i];
        if (hant) { el.setAttribute("lang", "zh-Hant"); el.setAttribute("data-dd-hans", ""); }
        else { el.setAttribute("lang", "zh-Hans"); el.removeAttribute("data-dd-hans"); }
        if (words) { nearby.observe(el); }
      });
      shown = { script: hant ? "hant" : "hans", pinyin: words ? wanted.pinyin : "off", dict: words ? wanted.dict : "off" };
    }).catch(function () { /* no file for this page: the Chinese stays as written */ });
  }

  /* Wrap an element's words: its text nodes are cut by the lengths the file gives (the build cut the same
     text); a word is a <ruby> with its pinyin, a button (dictionary: one tab stop per element, the arrow
     keys move within it; inside a glossary link the link is the control), or both. */
  function annotate(el, pieces, wanted) {
    var walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
    var nodes = [];
    while (walker.nextNode()) { nodes.push(walker.currentNode); }
    var k = 0;
    var plan = [];
    for (var n = 0; n < nodes.length; n++) {
      var text = nodes[n].data, at = 0, cut = [];
      while (at < text.length) {
        if (k >= pieces.length) { return false; }
        var piece = pieces[k++];  // a word's number, or minus the length of what is not a word
        var length = piece < 0 ? -piece : (words.words[piece] || [""])[0].length;
        if (!length) { return false; }
        cut.push([text.substr(at, length), piece < 0 ? -1 : piece]);
        at += length;
      }
      if (at !== text.length) { return false; }
      plan.push(cut);
    }
    if (k !== pieces.length) { return false; }
    var first = true;
    nodes.forEach(function (node, n) {
      var control = node.parentElement.closest("a, button, label, summary");
      var fragment = document.createDocumentFragment();
      plan[n].forEach(function (piece) {
        if (piece[1] < 0) { fragment.appendChild(document.createTextNode(piece[0])); return; }
        var entry = words.words[piece[1]];
        var word = document.createTextNode(piece[0]);
        if (wanted.pinyin === "on") {
          var ruby = document.createElement("ruby");
          ruby.className = "dd-py";
          ruby.appendChild(word);
          var rt = document.createElement("rt");
          rt.setAttribute("lang", "zh-Latn-pinyin");
          rt.textContent = entry[1];
          ruby.appendChild(rt);
          word = ruby;
        }
        if (wanted.dict === "on" && !(control && control.tagName !== "A")) {  // a button's words stay its label
          var button = document.createElement("span");
          button.className = "dd-w";
          button.setAttribute("data-w", piece[1]);
          if (!control) {
            button.setAttribute("role", "button");
            button.setAttribute("tabindex", first ? "0" : "-1");
            first = false;
          }
          button.appendChild(word);
          word = button;
        }
        fragment.appendChild(word);
      });
      node.parentNode.replaceChild(fragment, node);
    });
    return true;
  }

  /* A floating box (the dictionary card, a term's gloss) beside what it is about: at most maxWidth wide and
     within the screen, below it, or above it when there is no room below and room above. */
  function placeBeside(floating, anchor, maxWidth) {
    var box = anchor.getBoundingClientRect();
    var width = Math.min(maxWidth, window.innerWidth - 16);
    floating.style.width = width + "px";
    floating.style.left = Math.max(8, Math.min(box.left + window.scrollX, window.scrollX + window.innerWidth - width - 8)) + "px";
    floating.style.top = (box.bottom + window.scrollY + 6) + "px";
    if (box.bottom + floating.offsetHeight + 12 > window.innerHeight && box.top > floating.offsetHeight + 12) {
      floating.style.top = (box.top + window.scrollY - floating.offsetHeight - 6) + "px";
    }
  }

  /* The dictionary card: the word, its pinyin, the glossary's entry first where there is one, and its
     CC-CEDICT readings. A dialog that takes the focus (so screen readers read it) and gives it back to its
     word on Escape; a click outside closes it. */
  var card = null;
  var cardFor = null;
  /* An element with its attributes (those given as undefined are left out; "" is an attribute without a
     value) and its text. */
  function made(tag, attributes, text) {
    var el = document.createElement(tag);
    Object.keys(attributes || {}).forEach(function (name) {
      var value = attributes[name];
      if (value !== undefined) { el.setAttribute(name, value); }
    });
    if (text) { el.textContent = text; }
    return el;
  }
  function element(name, className, text, lang) {
    return made(name, { "class": className || undefined, lang: lang || undefined }, text);
  }
  function closeCard(refocus) {
    if (!card || card.hidden) { return; }
    card.hidden = true;
    if (cardFor) { cardFor.classList.remove("dd-w--open"); }
    if (refocus && cardFor && document.contains(cardFor)) {
      (cardFor.getAttribute("role") === "button" ? cardFor : cardFor.closest("a") || cardFor).focus();
    }
    cardFor = null;
  }
  /* CC-CEDICT in 256 shards beside the site's assets (assets/cedict/<n>.json: headword → readings), the
     shard a hash of the headword's UTF-16 code units, as the build computes it (dictionary_files.py). */
  function shardOf(headword) {
    var hash = 0;
    for (var i = 0; i < headword.length; i++) { hash = (Math.imul(hash, 31) + headword.charCodeAt(i)) >>> 0; }
    return hash % 256;
  }
  function shard(n) {
    var base = (document.querySelector("[data-dd-assets]") || document.body).getAttribute("data-dd-assets") || "";
    return fetchJson(base + "cedict/" + n + ".json");
  }
  /* A word's readings for its card: the reading the text uses first; for a word CC-CEDICT lacks, the first
     reading of each of its parts. [headword, pinyin, senses] each. */
  function readingsOf(entry) {
    var heads = entry[3];
    var plain = function (p) { return p.replace(/[\s']/g, "").toLowerCase(); };
    return Promise.all(heads.map(function (head) { return shard(shardOf(head)); })).then(function (files) {
      var found = [];
      heads.forEach(function (head, i) {
        var readings = (files[i][head] || []).map(function (r) { return [head, r[0], r[1]]; });
        if (head === entry[0]) {
          readings.sort(function (a, b) { return (plain(b[1]) === plain(entry[1])) - (plain(a[1]) === plain(entry[1])); });
        } else {
          readings = readings.slice(0, 1);
        }
        found = found.concat(readings);
      });
      return found;
    }, function () { return []; });
  }

  function openCard(wordElement) {
    var entry = words && words.words[Number(wordElement.getAttribute("data-w"))];
    if (!entry) { return; }
    closeCard(false);
    if (!card) {
      card = element("div", "dd-dict");
      card.id = "dd-dict";
      card.setAttribute("role", "dialog");
      card.setAttribute("aria-labelledby", "dd-dict-word");
      card.setAttribute("aria-describedby", "dd-dict-body");
      card.tabIndex = -1;
      document.body.appendChild(card);
    }
    card.innerHTML = "";
    var close = element("button", "dd-dict__close");
    close.type = "button";
    close.setAttribute("aria-label", "Close · 关闭");
    close.setAttribute("data-dd-dict-close", "");
    close.textContent = "×";
    card.appendChild(close);
    var head = element("p", "dd-dict__head");
    var shownForm = wordElement.cloneNode(true);
    shownForm.querySelectorAll("rt").forEach(function (rt) { rt.remove(); });
    var title = element("span", "dd-dict__word", shownForm.textContent, mode.get("script") === "hant" ? "zh-Hant" : "zh-Hans");
    title.id = "dd-dict-word";
    head.appendChild(title);
    if (shownForm.textContent !== entry[0]) { head.appendChild(element("span", "dd-dict__other", entry[0], "zh-Hans")); }
    head.appendChild(element("span", "dd-dict__pinyin", entry[1], "zh-Latn-pinyin"));
    card.appendChild(head);
    var body = element("div", "dd-dict__body");
    body.id = "dd-dict-body";
    var term = entry[2] && words.terms[entry[2]];
    if (term) {
      var glossary = element("div", "dd-dict__term");
      var line = element("p");
      line.appendChild(element("span", "dd-dict__label", "Glossary · 术语表", "en"));
      line.appendChild(document.createTextNode(" "));
      line.appendChild(element("strong", "", term[2], "en"));
      glossary.appendChild(line);
      if (term[3]) { glossary.appendChild(element("p", "dd-dict__explanation", term[3], "en")); }
      if (term[4]) {
        var more = element("a", "", "Glossary entry · 术语表条目");
        more.href = term[4];
        glossary.appendChild(more);
      }
      body.appendChild(glossary);
    }
    var list = element("ol", "dd-dict__readings");
    body.appendChild(list);
    readingsOf(entry).then(function (found) {
      if (cardFor !== wordElement) { return; }  // another card was opened meanwhile
      found.forEach(function (reading) {
        var item = element("li");
        if (reading[0] !== entry[0]) { item.appendChild(element("span", "dd-dict__part", reading[0], "zh-Hans")); }
        item.appendChild(element("span", "dd-dict__reading", reading[1], "zh-Latn-pinyin"));
        item.appendChild(element("span", "dd-dict__senses", reading[2].join("; "), "en"));
        list.appendChild(item);
      });
      if (!found.length && !term) { list.replaceWith(element("p", "dd-dict__none", "Not in CC-CEDICT · 词典未收", "en")); }
    });
    var credit = element("p", "dd-dict__credit");
    var source = element("a", "", "CC-CEDICT", "en");
    var credits = document.querySelector("[data-dd-credits]");
    source.href = credits ? credits.getAttribute("data-dd-credits") : "#";
    credit.appendChild(source);
    credit.appendChild(element("span", "", " · CC BY-SA 4.0", "en"));
    body.appendChild(credit);
    card.appendChild(body);
    card.hidden = false;
    placeBeside(card, wordElement, 360);
    cardFor = wordElement;
    wordElement.classList.add("dd-w--open");
    card.focus({ preventScroll: true });
  }
  function wordOf(event) {
    if (mode.get("dict") !== "on" || !words || !event.target.closest) { return null; }
    var link = event.target.closest("a");
    return event.target.closest(".dd-w") || (link && link.querySelector(".dd-w"));
  }
  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape" && card && !card.hidden) { closeCard(true); return; }
    var word = event.target.closest && event.target.closest(".dd-w[role=button]");
    if (!word) { return; }
    if (event.key === "Enter" || event.key === " ") {
      event.preventDefault();
      openCard(word);
      return;
    }
    var keys = { ArrowRight: 1, ArrowLeft: -1, Home: -Infinity, End: Infinity };
    if (!(event.key in keys)) { return; }
    var block = chineseElements().filter(function (el) { return el.contains(word); })[0];
    var all = Array.prototype.slice.call(block.querySelectorAll(".dd-w[role=button]"));
    var at = all.indexOf(word) + keys[event.key];
    var next = all[Math.max(0, Math.min(all.length - 1, isFinite(at) ? at : (at > 0 ? all.length - 1 : 0)))];
    event.preventDefault();
    word.setAttribute("tabindex", "-1");
    next.setAttribute("tabindex", "0");
    next.focus();
  });

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

  /* The highlight of what a link arrives at: one paragraph or heading (#p2-3-1), or a passage from one to
     another (#p2-3-1~p2-3-3: both ends and everything between, in the order of the page). */
  function passage(id) {
    var ends = (id || "").split("~");
    var first = document.getElementById(ends[0]);
    var last = ends.length === 2 ? document.getElementById(ends[1]) : first;
    var units = Array.prototype.slice.call(document.querySelectorAll("article .dd-block[id], article .dd-heading[id]"));
    var from = units.indexOf(first), to = units.indexOf(last);
    if (ends.length > 2 || from < 0 || to < 0) { return []; }
    return units.slice(Math.min(from, to), Math.max(from, to) + 1);
  }
  function highlight(id) {
    document.querySelectorAll(".dd-highlight").forEach(function (el) { el.classList.remove("dd-highlight"); });
    var units = passage(id);
    if (!units.length) { return; }
    units.forEach(function (el) { el.classList.add("dd-highlight"); });
    units[0].scrollIntoView({ block: "start" });
  }

  var linkedLast = null;  // the paragraph whose ¶ was used last, or the link's first: where Shift-¶ starts
  function targetId() {
    var hash = window.location.hash.slice(1);
    try { return decodeURIComponent(hash); } catch (error) { return hash; }  // "#%" is no id, but no error either
  }

  document.addEventListener("click", function (event) {
    var word = wordOf(event);
    if (word) {
      event.preventDefault();  // a word of a glossary link opens its card, which links to the entry
      if (cardFor === word) { closeCard(false); } else { openCard(word); }
      return;
    }
    if (card && !card.hidden && !card.contains(event.target)) { closeCard(false); }
    if (event.target.closest("[data-dd-dict-close]")) { closeCard(true); return; }
    var sentence = event.target.closest(".dd-s");
    if (sentence && !event.target.closest("a")) {
      if (sentence.classList.contains("dd-s--on")) { clearPairs(); } else { showPair(sentence); }
    }
    var toggle = event.target.closest("[data-dd-toggle]");
    if (toggle) {
      var setting = toggle.getAttribute("data-dd-toggle");
      mode.set(setting, mode.get(setting) === "on" ? "off" : "on");
      syncSwitch();
      syncAddress();
      showChinese();
      return;
    }
    var option = event.target.closest("[data-dd-mode-option], [data-dd-size-option], [data-dd-script-option]");
    if (option) {
      var name = ["size", "script"].filter(function (n) { return option.hasAttribute("data-dd-" + n + "-option"); })[0] || "mode";
      mode.set(name, option.getAttribute("data-dd-" + name + "-option"));
      syncSwitch();
      syncAddress();
      if (name === "script") { showChinese(); }
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
      // With Shift, the passage from the paragraph linked last to this one (#first~last).
      var start = event.shiftKey && linkedLast && linkedLast !== id && passage(linkedLast + "~" + id).length ? linkedLast : null;
      var hash = start ? start + "~" + id : id;
      var url = goTo(hash);
      if (!start) { linkedLast = id; }
      if (permalink.closest(".dd-block")) { openPassage(passage(hash)); }
      copyLink(url, !!start);
    }
  });

  /* A paragraph's or a passage's link put in the address bar, the text highlighted and the handout made of it;
     and the link copied, saying so. By the ¶ and by the passage panel. */
  function goTo(hash) {
    var url = unitUrl(hash);
    window.history.replaceState(null, "", url);
    highlight(hash);
    buildHandout();
    return url;
  }
  function copyLink(url, isPassage) {
    copy(url).then(
      function () { announce(isPassage ? "Passage link copied · 段落链接已复制" : "Link copied · 链接已复制"); },
      function () { announce("Copy this link · 请复制链接: " + url); }
    );
  }

  window.addEventListener("hashchange", function () { highlight(targetId()); followMoved(targetId()); buildHandout(); });

  /* The passage panel: opened by a selection of text in one or more paragraphs, or by a paragraph's ¶. It
     sits after the passage's last paragraph (the next stop of the Tab key after it), and offers the link to
     the passage, its citation (APA 7 and GB/T 7714 with the locator, BibTeX: from citeproc-py at build
     time, with the passage's URL and paragraph ids filled in here) and a printed handout. */
  var panel = null;
  var panelUnits = [];
  function citationData() {
    var data = document.getElementById("dd-cite-data");
    return data ? JSON.parse(data.getAttribute("data-json")) : null;
  }
  function paragraphsOf(units) {
    return units.filter(function (el) { return el.classList.contains("dd-block"); });
  }
  function passageHash(units) {
    var blocks = paragraphsOf(units);
    var first = blocks[0].id, last = blocks[blocks.length - 1].id;
    return first === last ? first : first + "~" + last;
  }
  function citationUrl(hash) {
    var url = new URL(window.location.href);
    url.search = "";
    url.hash = hash;
    return url.toString();
  }
  function today() {
    var now = new Date();
    return [now.getFullYear(), now.getMonth() + 1, now.getDate()].map(function (n) { return String(n).padStart(2, "0"); }).join("-");
  }
  function filled(template, hash) {
    var ends = hash.split("~");
    return template.split("DDURL").join(citationUrl(hash)).split("DDACCESSED").join(today())
      .split("DDFIRST").join(ends[0]).split("DDLAST").join(ends[ends.length - 1]);
  }
  function citationsFor(hash) {
    var data = citationData();
    if (!data) { return null; }
    var span = hash.indexOf("~") < 0 ? "one" : "range";
    return {
      apa: { reference: filled(data.apa[span].reference, hash), intext: filled(data.apa[span].intext, hash) },
      gbt7714: { reference: filled(data.gbt7714[span].reference, hash), intext: filled(data.gbt7714[span].intext, hash) },
      bibtex: filled(data.bibtex[span], hash)
    };
  }

  function citationBlock(key, name, lang, text) {
    var block = made("div", { "class": "dd-passage__citation" });
    block.appendChild(made("h3", { lang: "en" }, name));
    var pre = made("pre", { "data-dd-citation": key, lang: lang });
    pre.appendChild(made("code", {}, text));
    block.appendChild(pre);
    block.appendChild(made("button", { type: "button", "class": "md-button dd-copy", "data-dd-copy": key }, "Copy · 复制"));
    return block;
  }
  function openPassage(units) {
    var blocks = paragraphsOf(units);
    if (!blocks.length) { return; }
    closePassage(false);
    panelUnits = units;
    var hash = passageHash(units);
    var label = hash.replace("~", "–");
    panel = made("div", { "class": "dd-passage", role: "group", "aria-label": "Passage " + label + " · 段落", lang: "en", "data-dd-generated": "" });
    var bar = made("div", { "class": "dd-passage__bar" });
    bar.appendChild(made("span", { "class": "dd-passage__range" }, "¶ " + label));
    bar.appendChild(made("button", { type: "button", "class": "md-button", "data-dd-passage": "link" }, "Link to this passage · 链接"));
    if (citationData()) {
      bar.appendChild(made("button", { type: "button", "class": "md-button", "data-dd-passage": "cite", "aria-expanded": "false", "aria-controls": "dd-passage-cite" }, "Cite · 引用"));
    }
    bar.appendChild(made("button", { type: "button", "class": "md-button", "data-dd-passage": "print" }, "Print handout · 打印讲义"));
    bar.appendChild(made("button", { type: "button", "class": "dd-passage__close", "data-dd-passage": "close", "aria-label": "Close · 关闭" }, "×"));
    panel.appendChild(bar);
    var cited = citationsFor(hash);
    if (cited) {
      var cite = made("div", { "class": "dd-passage__cite", id: "dd-passage-cite" });
      cite.hidden = true;
      cite.appendChild(citationBlock("passage-apa", "APA 7", "zh-Hans", cited.apa.reference + "\n" + cited.apa.intext));
      cite.appendChild(citationBlock("passage-gbt7714", "GB/T 7714-2015", "zh-Hans", cited.gbt7714.reference + "\n" + cited.gbt7714.intext));
      cite.appendChild(citationBlock("passage-bibtex", "BibTeX", "zh-Hans", cited.bibtex));
      panel.appendChild(cite);
    }
    var last = blocks[blocks.length - 1];
    last.parentNode.insertBefore(panel, last.nextSibling);
    loadQr().catch(function () { /* the handout prints its link in full without it */ });
  }
  function closePassage(refocus) {
    if (!panel) { return; }
    var last = paragraphsOf(panelUnits).pop();
    panel.remove();
    panel = null;
    if (refocus && last) { last.querySelector("a.headerlink").focus(); }
  }
  function passageLink() {
    var hash = passageHash(panelUnits);
    linkedLast = hash.split("~")[0];
    return goTo(hash);
  }
  document.addEventListener("click", function (event) {
    var action = event.target.closest("[data-dd-passage]");
    if (!action || !panel) { return; }
    var what = action.getAttribute("data-dd-passage");
    if (what === "close") { closePassage(true); return; }
    if (what === "cite") {
      var open = action.getAttribute("aria-expanded") !== "true";
      action.setAttribute("aria-expanded", String(open));
      panel.querySelector(".dd-passage__cite").hidden = !open;
      return;
    }
    var url = passageLink();
    if (what === "link") {
      copyLink(url, true);
    } else if (what === "print") {
      buildHandout(true).then(function () { window.print(); });
    }
  });
  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape" && panel && panel.contains(document.activeElement)) { closePassage(true); }
  });
  /* A selection of text within the article's paragraphs (by mouse, touch or the keyboard) opens the panel
     for the paragraphs it touches, once the selection has settled. */
  var selectionTimer = null;
  document.addEventListener("selectionchange", function () {
    window.clearTimeout(selectionTimer);
    selectionTimer = window.setTimeout(function () {
      var selection = window.getSelection();
      if (!selection || selection.isCollapsed || !selection.rangeCount) { return; }
      var range = selection.getRangeAt(0);
      var startNode = range.startContainer.nodeType === 1 ? range.startContainer : range.startContainer.parentNode;
      var endNode = range.endContainer.nodeType === 1 ? range.endContainer : range.endContainer.parentNode;
      if (panel && (panel.contains(startNode) || panel.contains(endNode))) { return; }
      var first = startNode.closest("article .dd-block[id]");
      var last = endNode.closest("article .dd-block[id]");
      if (!first || !last) { return; }
      var units = passage(first.id + "~" + last.id);
      if (panel && passageHash(units) === passageHash(panelUnits)) { return; }
      openPassage(units);
    }, 400);
  });

  /* The printed handout: the passage the address names (or the whole part), in the reading mode chosen,
     with the article's title, the citation with its locator, the link in full and as a QR code (made here,
     by the vendored qrcode-generator: no outside request) and a numbered list of the glossary terms it uses.
     Made when the page opens, when the address changes and before printing. */
  var scriptBase = (document.currentScript && document.currentScript.src) || "";
  var qrLibrary = null;
  function loadQr() {
    if (!qrLibrary) {
      qrLibrary = new Promise(function (resolve, reject) {
        if (window.qrcode) { resolve(window.qrcode); return; }
        var script = document.createElement("script");
        script.src = new URL("vendor/qrcode-generator.js", scriptBase || window.location.href).href;
        script.onload = function () { resolve(window.qrcode); };
        script.onerror = function () { qrLibrary = null; reject(new Error("qrcode-generator")); };
        document.head.appendChild(script);
      });
    }
    return qrLibrary;
  }
  function qrSvg(qrcode, text) {
    var qr = qrcode(0, "M");
    qr.addData(text, "Byte");
    qr.make();
    var count = qr.getModuleCount(), quiet = 4, size = count + 2 * quiet, path = [];
    for (var row = 0; row < count; row += 1) {
      for (var col = 0; col < count; col += 1) {
        if (qr.isDark(row, col)) { path.push("M" + (col + quiet) + " " + (row + quiet) + "h1v1h-1z"); }
      }
    }
    return '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ' + size + " " + size + '" role="img" aria-label="QR code of the link" shape-rendering="crispEdges" data-modules="' + count + '">' +
      '<rect width="100%" height="100%" fill="#fff"/><path fill="#000" d="' + path.join("") + '"/></svg>';
  }
  var handoutBuilt = Promise.resolve();
  function buildHandout(withQr) {
    var top = document.querySelector(".dd-handout--top");
    var end = document.querySelector(".dd-handout--end");
    if (!top || !end) { return handoutBuilt; }
    var chosen = passage(targetId());
    var wholePage = !paragraphsOf(chosen).length;
    var isPart = !!document.querySelector("article h1.dd-heading[id^='part-']");
    document.querySelectorAll(".dd-in-handout").forEach(function (el) { el.classList.remove("dd-in-handout"); });
    document.documentElement.classList.toggle("dd-handout-passage", !wholePage);
    document.documentElement.classList.toggle("dd-handout-on", !wholePage || isPart);
    if (wholePage && !isPart) { return handoutBuilt; }
    var units = wholePage ? Array.prototype.slice.call(document.querySelectorAll("article .dd-block[id], article .dd-heading[id]")) : chosen;
    units.forEach(function (el) { el.classList.add("dd-in-handout"); });
    if (!wholePage) {  // the subsection heading a passage starts under, for context
      var section = units[0].closest(".dd-section");
      var heading = section && section.querySelector(".dd-heading[id]");
      if (heading) { heading.classList.add("dd-in-handout"); }
    }
    var hash = wholePage ? passageHash(units) : passageHash(chosen);
    var cited = citationsFor(hash);
    end.querySelector('[data-dd-handout="apa"]').textContent = cited ? cited.apa.reference + " " + cited.apa.intext : "";
    end.querySelector('[data-dd-handout="gbt7714"]').textContent = cited ? cited.gbt7714.reference + " " + cited.gbt7714.intext : "";
    var link = unitUrl(hash);
    end.querySelector('[data-dd-handout="url"]').textContent = link;
    // The glossary terms the passage uses, numbered in order of first use; each use is marked with its number.
    var list = end.querySelector('[data-dd-handout="terms"]');
    list.textContent = "";
    var numbers = {};
    document.querySelectorAll("a.dd-term[data-dd-handout-n]").forEach(function (a) { a.removeAttribute("data-dd-handout-n"); });
    paragraphsOf(units).forEach(function (block) {
      block.querySelectorAll("a.dd-term[data-term]").forEach(function (a) {
        var id = a.getAttribute("data-term");
        var gloss = document.getElementById("gloss-" + id);
        if (!gloss) { return; }
        if (!numbers[id]) {
          numbers[id] = String(list.children.length + 1);
          var item = made("li", { lang: "en" });
          item.appendChild(made("span", { lang: "zh-Hans", "class": "dd-handout__term" }, gloss.getAttribute("data-zh")));
          item.appendChild(document.createTextNode(" "));
          item.appendChild(made("span", { lang: "zh-Latn-pinyin" }, gloss.querySelector("[lang='zh-Latn-pinyin']").textContent));
          item.appendChild(document.createTextNode(" · "));
          item.appendChild(made("strong", {}, gloss.querySelector(".dd-gloss-en").textContent));
          item.appendChild(document.createTextNode(" — " + gloss.querySelector(".dd-gloss-ex").textContent));
          list.appendChild(item);
        }
        a.setAttribute("data-dd-handout-n", numbers[id]);
      });
    });
    end.querySelector('[data-dd-handout="terms-section"]').hidden = !list.children.length;
    var qrBox = end.querySelector('[data-dd-handout="qr"]');
    function drawQr(qrcode) {
      try {
        qrBox.innerHTML = qrSvg(qrcode, link);
        qrBox.setAttribute("data-dd-qr-text", link);
      } catch (error) {  // a link too long for a QR code: the handout prints it in full
        qrBox.textContent = "";
      }
    }
    if (window.qrcode) {  // drawn at once, so that a print started now (beforeprint) has it
      drawQr(window.qrcode);
      handoutBuilt = Promise.resolve();
    } else if (withQr) {
      handoutBuilt = loadQr().then(drawQr, function () { qrBox.textContent = ""; });
    } else {
      qrBox.textContent = "";
      handoutBuilt = Promise.resolve();
    }
    return handoutBuilt;
  }
  /* The QR encoder is fetched only to print (it is no help to read): by "Print handout", by Ctrl+P or ⌘P on a
     page with a handout (the page prints once it is drawn), and when the passage panel opens; a print from the
     browser's menu has the QR code from then on, and the link printed in full always. */
  document.addEventListener("keydown", function (event) {
    if ((event.ctrlKey || event.metaKey) && !event.altKey && !event.shiftKey && event.key.toLowerCase() === "p" &&
        document.querySelector(".dd-handout--end")) {
      event.preventDefault();
      buildHandout(true).then(function () { window.print(); });
    }
  });
  window.addEventListener("beforeprint", function () { buildHandout(); });

  /* A link to an id this page does not hold: a paragraph moved to another part, or an id retired by an edit
     of the seed. The article's ids.json says which page holds each id and where each retired one leads, with
     a note for the reader (build_hooks/duidu/ids.py); the note is shown on the page the link lands on. */
  var MOVED = "duidu-moved";
  function followMoved(id) {
    var holder = document.querySelector("[data-dd-ids]");
    var ends = id ? id.split("~") : [];
    if (!holder || !ends.length || ends.length > 2 || passage(id).length) { return; }
    var mapUrl = new URL(holder.getAttribute("data-dd-ids"), window.location.href).href;
    fetchJson(mapUrl).then(function (map) {
      var notes = [], pages = [];
      var own = function (table, key) { return Object.prototype.hasOwnProperty.call(table, key); };  // not "constructor"
      var leads = ends.map(function (end) {
        var retired = own(map.retired, end) ? map.retired[end] : null;
        if (retired) {
          notes.push({ from: end, note: retired.note });
          pages.push(retired.page);
          return retired.to;
        }
        pages.push(own(map.pages, end) ? map.pages[end] : undefined);
        return own(map.pages, end) ? end : null;
      });
      if (leads.indexOf(null) >= 0) { return; }  // an id the article never had: a broken link stays broken
      // A passage keeps its last end only if that is still a paragraph on the same page (not a heading or
      // the overview a removed paragraph leads to); else the link is to its first end.
      var paragraph = /^p\d+-\d+-\d+$/;
      var hash = leads[1] && paragraph.test(leads[1]) && pages[1] === pages[0] && leads[1] !== leads[0] ? leads[0] + "~" + leads[1] : leads[0];
      var url = new URL(pages[0], mapUrl);
      url.search = window.location.search;
      url.hash = hash;
      // A note the page arrived with (a removed part's page led here) goes on with the reader.
      var arrival = { notes: shownNotes.concat(notes), to: hash };
      shownNotes = [];
      if (url.pathname === window.location.pathname) {
        window.history.replaceState(null, "", url.href);
        linkedLast = hash.split("~")[0] || null;
        highlight(hash);
        showMoved(arrival);
      } else {
        try { window.sessionStorage.setItem(MOVED, JSON.stringify(arrival)); } catch (error) { /* arrive without the note */ }
        window.location.replace(url.href);
      }
    }, function () { /* the map cannot be fetched: the page stays as it is */ });
  }
  var shownNotes = [];
  function showMoved(arrival) {
    var notes = arrival.notes || (arrival.from ? [{ from: arrival.from, note: arrival.note }] : []);
    shownNotes = notes;
    var article = document.querySelector("article.md-content__inner");
    if (!notes.length || !article) { return; }
    var old = article.querySelector(".dd-moved");
    if (old) { old.remove(); }
    var box = document.createElement("p");
    box.className = "dd-moved";
    box.setAttribute("role", "status");
    box.lang = "en";
    box.textContent = notes.map(function (n) {
      return "The link you followed names " + n.from + ": " + n.note + ".";
    }).join(" ") + " It now leads here.";
    // Right above where the link lands, and scrolled to with it: a note at the top of a long page goes unseen.
    var target = arrival.to && document.getElementById(arrival.to.split("~")[0]);
    if (target && article.contains(target)) {
      target.parentNode.insertBefore(box, target);
      box.scrollIntoView({ block: "start" });
    } else {
      article.insertBefore(box, article.firstChild);
    }
  }
  function arrivedMoved() {
    var arrival = null;
    try {
      arrival = JSON.parse(window.sessionStorage.getItem(MOVED) || "null");
      window.sessionStorage.removeItem(MOVED);
    } catch (error) { return; }
    if (arrival && arrival.to === targetId()) { showMoved(arrival); }
  }

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
    placeBeside(tip, term, 320);
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
    showChinese();
    buildHandout(false);
    if (window.location.hash) {
      linkedLast = targetId().split("~")[0];
      highlight(targetId());
      followMoved(targetId());
    }
    arrivedMoved();  // after the highlight has scrolled: the note goes right above it, in view
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
