/* Duidu reading mode, decided before the page is drawn: a ?mode= in the URL wins (and is remembered),
   else the reader's remembered choice, else both languages. */
(function () {
  "use strict";
  var MODES = ["both", "zh", "en"];
  var KEY = "duidu.mode";
  function valid(mode) { return MODES.indexOf(mode) >= 0 ? mode : null; }
  function remembered() {
    try { return valid(window.localStorage.getItem(KEY)); } catch (error) { return null; }
  }
  function remember(mode) {
    try { window.localStorage.setItem(KEY, mode); } catch (error) { /* private mode: the choice lasts the page */ }
  }
  var fromUrl = valid(new URLSearchParams(window.location.search).get("mode"));
  if (fromUrl) { remember(fromUrl); }
  document.documentElement.setAttribute("data-dd-mode", fromUrl || remembered() || "both");
  window.duiduMode = {
    modes: MODES,
    get: function () { return document.documentElement.getAttribute("data-dd-mode"); },
    set: function (mode) {
      if (!valid(mode)) { return; }
      document.documentElement.setAttribute("data-dd-mode", mode);
      remember(mode);
    }
  };
})();
