// Serve mode only: reloads the page when the site's build version changes.
(function () {
  "use strict";
  var seen = null;
  function poll() {
    fetch("/__skillex/version", { cache: "no-store" }).then(function (r) { return r.text(); }).then(function (v) {
      if (seen !== null && v !== seen) { window.location.reload(); }
      seen = v;
    }).catch(function () {}).finally(function () { setTimeout(poll, 500); });
  }
  poll();
})();
