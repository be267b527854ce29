// Keeps the article page's "N of M claims checked" line current while background workers
// gather references. Polls the progress endpoint until no claim is pending, then stops.
(function () {
  "use strict";

  var POLL_MS = 3000;

  function poll(container) {
    var url = container.getAttribute("data-progress-url");
    var label = container.querySelector("[data-progress-label]");
    var bar = container.querySelector("progress");

    function tick() {
      fetch(url, { headers: { Accept: "application/json" }, credentials: "same-origin" })
        .then(function (response) {
          if (!response.ok) {
            throw new Error("progress request failed: " + response.status);
          }
          return response.json();
        })
        .then(function (progress) {
          label.textContent = progress.label;
          bar.max = progress.total;
          bar.value = progress.checked;
          if (progress.finished) {
            container.classList.add("progress--complete");
          } else {
            window.setTimeout(tick, POLL_MS);
          }
        })
        .catch(function () {
          // The page still works without live progress; a reload shows the current state.
          container.classList.add("progress--stale");
        });
    }

    window.setTimeout(tick, POLL_MS);
  }

  document.addEventListener("DOMContentLoaded", function () {
    document.querySelectorAll("[data-progress-url]").forEach(poll);
  });
})();
