// make serve only (never in the built site): reloads this tab after each rebuild.
// The server adds this script to every page it sends, with the build's token.
(function () {
  "use strict";
  var since = new URL(document.currentScript.src).searchParams.get("since") || "";
  var events = new EventSource("/__preview/events?since=" + encodeURIComponent(since) +
                               "&page=" + encodeURIComponent(location.pathname));
  events.onmessage = function (event) {
    if (event.data !== since) {
      events.close();
      location.reload();
    }
  };
})();
