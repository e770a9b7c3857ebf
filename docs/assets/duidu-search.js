/* Duidu's search box: Pagefind's index, loaded on the first focus, queried with the words the build indexed.
   The build (build_hooks/duidu/search_index.py) cuts Chinese into overlapping pairs of characters; a query
   is cut the same way here, so that 分税制 asks for 分税 and 税制 and finds every page holding both. Each
   record is a page; its `units` meta says where each paragraph's words start, so a result links to the
   paragraph its matches stand in, with an excerpt put back together from those words. */
(function () {
  "use strict";
  const box = document.querySelector("[data-dd-search]");
  if (!box) { return; }
  const input = box.querySelector("input");
  const panel = box.querySelector(".dd-search__results");
  const status = box.querySelector(".dd-search__status");
  const list = box.querySelector(".dd-search__list");
  const HAN = /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\u{20000}-\u{3134f}]/u;
  const PIECES = /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\u{20000}-\u{3134f}]+|[^\s\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\u{20000}-\u{3134f}]+/gu;
  const PAGE = 5;
  /* Results shown at first, and added by "More results": each result fetches its page's fragment (about
     10 KB), so a query fetches only what is shown. */
  const TERMS = 3;
  let pagefind = null;
  let latest = 0;

  function load() {
    if (!pagefind) {
      const engine = new URL(box.dataset.pagefind, window.location.href);
      pagefind = import(engine.href).then(async (module) => {
        await module.options({ noWorker: true, excerptLength: 0 });
        // A large library is indexed in shards (search_index.SHARD_ARTICLES): each is merged, and shares
        // this bundle's WebAssembly, so a query fetches only each shard's entry, metadata and chunks.
        const shards = Number(box.dataset.shards || 0);
        for (let shard = 1; shard <= shards; shard++) {
          await module.mergeIndex(new URL(`shards/${shard}/`, engine).pathname);
        }
        return module;
      });
    }
    return pagefind;
  }

  function pairs(run) {
    if (run.length < 2) { return [run]; }
    const result = [];
    for (let i = 0; i + 1 < run.length; i++) { result.push(run.slice(i, i + 2)); }
    return result;
  }

  function chars(text) { return Array.from(text); }

  /* The words of a text as the build made them: Han runs as pairs, anything else between spaces as it is. */
  function words(text) {
    const result = [];
    for (const piece of text.match(PIECES) || []) {
      if (HAN.test(piece)) { result.push(...pairs(chars(piece)).map((p) => p.join(""))); } else { result.push(piece); }
    }
    return result;
  }

  /* A paragraph's Chinese from its words: the pairs of one run overlap by a character. */
  function chinese(unitWords, matched) {
    const pieces = [];
    let previous = "";
    unitWords.forEach((word, i) => {
      const letters = chars(word);
      // a pair continues the run of the pair before it when it starts with that pair's last character
      const continues = HAN.test(word) && chars(previous).length === 2 && HAN.test(previous) && chars(previous)[1] === letters[0];
      pieces.push({ text: continues ? letters.slice(1).join("") : word, mark: matched.has(i), whole: word });
      previous = word;
    });
    // a matched pair marks its first character too, which the previous piece holds
    pieces.forEach((piece, i) => {
      if (piece.mark && piece.text !== piece.whole && i > 0) { pieces[i - 1].markLast = true; }
    });
    return pieces;
  }

  function unitsOf(data) {
    return data.meta.units.split(";").map((entry) => {
      const [anchor, start, zh, en] = entry.split(" ");
      return { anchor: anchor, start: +start, zh: +zh, en: +en };
    });
  }

  /* The unit holding the most different matched words (then the most matches; the first on a tie), and
     the matches within it: a query's words together mark its passage better than one word many times. */
  /* The positions, within a unit's words, of every place where one of the query's Chinese runs stands whole
     (all its pairs in a row): those are marked, rather than each pair wherever it occurs. */
  function phraseHits(phrases, unitWords) {
    const covered = new Set();
    let found = 0;
    for (const phrase of phrases) {
      let seen = false;
      for (let i = 0; i + phrase.length <= unitWords.length; i++) {
        if (phrase.every((pair, k) => unitWords[i + k] === pair)) {
          phrase.forEach((_, k) => covered.add(i + k));
          seen = true;
        }
      }
      if (seen) { found++; }
    }
    return { covered: covered, found: found };
  }

  function bestUnit(data, content, phrases) {
    const units = unitsOf(data);
    const hits = new Map();
    for (const location of data.locations) {
      let found = null;
      for (const unit of units) { if (unit.start <= location) { found = unit; } else { break; } }
      if (found) { hits.set(found, (hits.get(found) || new Set()).add(location - found.start)); }
    }
    let best = null;
    let most = [-1, -1, -1];
    for (const unit of units) {
      let matched = hits.get(unit) || new Set();
      const whole = phraseHits(phrases, content.slice(unit.start, unit.start + unit.zh));
      if (whole.found) {  // the whole phrases, and the other words' matches outside the Chinese
        matched = new Set([...whole.covered, ...Array.from(matched).filter((i) => i >= unit.zh)]);
      }
      const distinct = new Set(Array.from(matched, (i) => content[unit.start + i])).size;
      const score = [whole.found, distinct, matched.size];
      if (score[0] > most[0] || (score[0] === most[0] && (score[1] > most[1] || (score[1] === most[1] && score[2] > most[2])))) {
        best = { unit: unit, matched: matched };
        most = score;
      }
    }
    return best;
  }

  function span(lang, className) {
    const element = document.createElement("span");
    element.lang = lang;
    element.className = className;
    return element;
  }

  function append(parent, text, marked) {
    if (!text) { return; }
    if (marked) {
      const mark = document.createElement("mark");
      mark.textContent = text;
      parent.appendChild(mark);
    } else {
      parent.appendChild(document.createTextNode(text));
    }
  }

  /* At most `limit` characters of the Chinese around its first match; matched characters marked. */
  function chineseExcerpt(pieces, limit) {
    const element = span("zh-Hans", "dd-search__zh");
    const first = Math.max(0, pieces.findIndex((p) => p.mark) - 12);
    let length = 0;
    if (first > 0) { element.append("…"); }
    for (let i = first; i < pieces.length && length < limit; i++) {
      const piece = pieces[i];
      const text = chars(piece.text);
      if (piece.markLast && text.length) {
        append(element, text.slice(0, -1).join(""), piece.mark);
        append(element, text[text.length - 1], true);
      } else {
        append(element, piece.text, piece.mark);
      }
      length += text.length;
      if (length >= limit && i < pieces.length - 1) { element.append("…"); }
    }
    return element;
  }

  function englishExcerpt(unitWords, offset, matched, limit) {
    const element = span("en", "dd-search__en");
    const marked = unitWords.map((_, i) => matched.has(offset + i));
    const first = Math.max(0, marked.indexOf(true) - 8);
    if (first > 0) { element.append("… "); }
    unitWords.slice(first, first + limit).forEach((word, i) => {
      append(element, word, marked[first + i]);
      element.append(" ");
    });
    if (first + limit < unitWords.length) { element.append("…"); }
    return element;
  }

  function href(url) {
    return new URL(url, new URL(box.dataset.base, window.location.href)).href;
  }

  function textResult(data, phrases) {
    const content = data.content.split(/\s+/);
    const { unit, matched } = bestUnit(data, content, phrases);
    const unitWords = content.slice(unit.start, unit.start + unit.zh);
    const englishWords = content.slice(unit.start + unit.zh, unit.start + unit.zh + unit.en);
    const link = document.createElement("a");
    link.href = href(data.url) + "#" + unit.anchor;
    link.className = "dd-search__result";
    const article = span("zh-Hans", "dd-search__article");
    article.textContent = data.meta.article;
    const title = span("", "dd-search__title");
    title.textContent = data.meta.title;
    title.removeAttribute("lang");
    const place = span("en", "dd-search__place");
    place.textContent = "¶ " + unit.anchor;
    link.append(article, title, place);
    if (unitWords.length) { link.append(chineseExcerpt(chinese(unitWords, matched), 70)); }
    if (englishWords.length) { link.append(englishExcerpt(englishWords, unit.zh, matched, 28)); }
    return link;
  }

  function glossaryResult(data) {
    const link = document.createElement("a");
    link.href = href(data.url);
    link.className = "dd-search__result dd-search__result--term";
    const title = span("", "dd-search__title");
    title.removeAttribute("lang");
    const [zh, en] = data.meta.title.split(" · ");
    const term = span("zh-Hans", "");
    term.textContent = zh;
    const english = span("en", "");
    english.textContent = " · " + en;
    title.append(term, english);
    const place = span("en", "dd-search__place");
    place.textContent = "Glossary · 术语表";
    link.append(title, place);
    return link;
  }

  function group(label, zh, links) {
    if (!links.length) { return; }
    const heading = document.createElement("li");
    heading.className = "dd-search__group";
    heading.setAttribute("role", "presentation");
    heading.append(span("en", ""), span("zh-Hans", ""));
    heading.children[0].textContent = label + " · ";
    heading.children[1].textContent = zh;
    list.append(heading);
    for (const link of links) {
      const item = document.createElement("li");
      item.append(link);
      list.append(item);
    }
  }

  function queryWords(query) {
    return words(query.normalize("NFKC").toLowerCase()).join(" ");
  }

  /* Pinyin typed syllable by syllable (fēn shuì zhì) is looked up joined first, as the build indexes a
     glossary term's pinyin both ways; English words that happen to be syllables fall back to themselves. */
  const SYLLABLE = /^(?:[bpmfdtnlgkhjqxrzcsyw]|zh|ch|sh)?(?:iang|iong|uang|ang|eng|ing|ong|uan|ian|uai|iao|ai|ei|ao|ou|an|en|in|un|ün|ia|ie|iu|ua|uo|ui|üe|ve|er|a|o|e|i|u|ü|v)r?$/;
  function joinedPinyin(query) {
    const syllables = query.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase().split(/\s+/);
    return syllables.length > 1 && syllables.every((s) => SYLLABLE.test(s)) ? syllables.join("") : "";
  }

  async function find(engine, query) {
    const joined = joinedPinyin(query);
    if (joined) {
      const found = await engine.search(joined);
      if (found.results.length) { return found; }
    }
    return engine.search(queryWords(query));
  }

  function isTerm(data) { return data.meta.kind === "glossary"; }

  let pending = [];  // results not loaded yet, best first
  let phrases = [];

  /* Load results until `want` more passages are in hand (glossary entries, found on the way, kept apart). */
  async function take(want) {
    const text = [];
    const terms = [];
    while (pending.length && text.length < want) {
      const batch = await Promise.all(pending.splice(0, want - text.length).map((r) => r.data()));
      for (const data of batch) { (isTerm(data) ? terms : text).push(data); }
    }
    return { text: text, terms: terms };
  }

  function moreButton() {
    const item = document.createElement("li");
    item.className = "dd-search__more";
    const button = document.createElement("button");
    button.type = "button";
    button.className = "md-button";
    button.append(span("en", ""), span("zh-Hans", ""));
    button.children[0].textContent = "More results · ";
    button.children[1].textContent = "更多结果";
    button.addEventListener("click", async () => {
      const ticket = latest;
      const { text } = await take(PAGE);
      if (ticket !== latest) { return; }
      const links = text.map((data) => textResult(data, phrases));
      item.before(...links.map((link) => { const li = document.createElement("li"); li.append(link); return li; }));
      if (!pending.length) { item.remove(); }
      if (links.length) { links[0].focus(); }
    });
    item.append(button);
    return item;
  }

  async function run() {
    const query = input.value.trim();
    const ticket = ++latest;
    if (!query) { close(); return; }
    open();
    const engine = await load();
    const found = await find(engine, query);
    if (ticket !== latest) { return; }
    pending = found.results.slice();
    phrases = (query.normalize("NFKC").match(PIECES) || []).filter((p) => HAN.test(p)).map((run) => pairs(chars(run)).map((p) => p.join("")));
    const first = await take(PAGE);
    // glossary entries rank among the passages; the first few of them are listed apart, after the text
    const terms = first.terms.slice(0, TERMS);
    if (ticket !== latest) { return; }
    list.replaceChildren();
    group("In the text", "正文", first.text.map((data) => textResult(data, phrases)));
    if (pending.length && first.text.length === PAGE) { list.append(moreButton()); }  // it closes the text group
    group("In the glossary", "术语表", terms.map(glossaryResult));
    const total = found.results.length;
    status.textContent = total
      ? `${total} results · 找到 ${total} 条结果`
      : "Nothing found · 没有找到结果";
  }

  function open() { panel.hidden = false; }
  function close() {
    panel.hidden = true;
    list.replaceChildren();
    status.textContent = "";
  }

  let timer = 0;
  input.addEventListener("focus", load, { once: true });
  input.addEventListener("input", () => { window.clearTimeout(timer); timer = window.setTimeout(run, 120); });
  input.addEventListener("keydown", (event) => {
    const first = list.querySelector("a");
    if (event.key === "ArrowDown" && first) { event.preventDefault(); first.focus(); }
    if (event.key === "Enter" && first) { event.preventDefault(); first.click(); }
    if (event.key === "Escape") { input.value = ""; close(); }
  });
  list.addEventListener("keydown", (event) => {
    const links = Array.from(list.querySelectorAll("a"));
    const at = links.indexOf(document.activeElement);
    if (at < 0) { return; }
    if (event.key === "ArrowDown" && at + 1 < links.length) { event.preventDefault(); links[at + 1].focus(); }
    if (event.key === "ArrowUp") { event.preventDefault(); (at > 0 ? links[at - 1] : input).focus(); }
    if (event.key === "Escape") { event.preventDefault(); close(); input.focus(); }
  });
  document.addEventListener("click", (event) => { if (!box.contains(event.target)) { panel.hidden = true; } });
  input.addEventListener("focus", () => { if (list.children.length) { open(); } });
})();
