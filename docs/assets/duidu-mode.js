/* Duidu's reading settings, decided before the page is drawn: the reading mode (both languages, Chinese,
   English), the text size (small, medium, large), the characters (Simplified, Traditional: swapped in by
   duidu.js), pinyin above the characters and the dictionary card of every word (on or off: duidu.js) and
   the colour scheme (light, dark). For each, a value in the URL wins
   (?mode=zh&size=l&script=hant&pinyin=on&dict=on&scheme=dark) and is remembered; else the reader's
   remembered choice; else the default. The scheme is Material's own palette (its toggle in the header), set here from the URL. */
(function () {
  "use strict";
  var SETTINGS = {
    mode: { values: ["both", "zh", "en"], fallback: "both", key: "duidu.mode" },
    size: { values: ["s", "m", "l"], fallback: "m", key: "duidu.size" },
    script: { values: ["hans", "hant"], fallback: "hans", key: "duidu.script" },
    pinyin: { values: ["off", "on"], fallback: "off", key: "duidu.pinyin" },
    dict: { values: ["off", "on"], fallback: "off", key: "duidu.dict" }
  };
  var SCHEMES = { light: { index: 0, scheme: "default" }, dark: { index: 1, scheme: "slate" } };

  function valid(name, value) { return SETTINGS[name].values.indexOf(value) >= 0 ? value : null; }
  function remembered(key) {
    try { return window.localStorage.getItem(key); } catch (error) { return null; }
  }
  function remember(key, value) {
    try { window.localStorage.setItem(key, value); } catch (error) { /* private mode: the choice lasts the page */ }
  }

  var query = new URLSearchParams(window.location.search);
  Object.keys(SETTINGS).forEach(function (name) {
    var setting = SETTINGS[name];
    var fromUrl = valid(name, query.get(name));
    if (fromUrl) { remember(setting.key, fromUrl); }
    var value = fromUrl || valid(name, remembered(setting.key)) || setting.fallback;
    document.documentElement.setAttribute("data-dd-" + name, value);
  });

  // Material reads its palette from its own storage when the body opens: write the URL's choice there.
  var scheme = SCHEMES[query.get("scheme")];
  if (scheme && typeof window.__md_set === "function") {
    window.__md_set("__palette", {
      index: scheme.index,
      color: { media: "", scheme: scheme.scheme, primary: "custom", accent: "custom" }
    });
  }

  function currentScheme() {
    var body = document.body;
    return body && body.getAttribute("data-md-color-scheme") === "slate" ? "dark" : "light";
  }

  window.duiduMode = {
    modes: SETTINGS.mode.values,
    sizes: SETTINGS.size.values,
    get: function (name) { return document.documentElement.getAttribute("data-dd-" + (name || "mode")); },
    set: function (name, value) {
      if (value === undefined) { value = name; name = "mode"; }  // set(mode), as before
      if (!valid(name, value)) { return; }
      document.documentElement.setAttribute("data-dd-" + name, value);
      remember(SETTINGS[name].key, value);
    },
    /* The settings a link carries: every one that differs from its default, and the mode always. */
    carry: function (url) {
      url.searchParams.set("mode", this.get("mode"));
      ["size", "script", "pinyin", "dict"].forEach(function (name) {
        if (this.get(name) !== SETTINGS[name].fallback) { url.searchParams.set(name, this.get(name)); }
        else { url.searchParams.delete(name); }
      }, this);
      if (currentScheme() === "dark") { url.searchParams.set("scheme", "dark"); }
      else { url.searchParams.delete("scheme"); }
      return url;
    }
  };
})();
