// The batch page: while the batch runs, poll its JSON and update progress in place; when it is
// done, fetch the page once more and swap in the finished article (trends and topics).
(function () {
  "use strict";
  var POLL_MS = 1000;

  function article() { return document.querySelector("article.batch"); }

  function update(batch) {
    var root = article();
    var p = batch.progress;
    root.querySelector("[data-field=status]").textContent = batch.status;
    root.querySelector("[data-field=status]").className = "status s-" + batch.status;
    root.querySelector("[data-field=counts]").textContent =
      p.done + " of " + p.total + " done (" + p.ok + " compared, " + p.failed + " failed)";
    var bar = root.querySelector("[data-field=progress]");
    bar.max = p.total;
    bar.value = p.done;
    batch.items.forEach(function (item) {
      var row = root.querySelector(".items [data-position='" + item.position + "'] .status");
      if (row) { row.textContent = item.status; row.className = "status s-" + item.status; }
    });
  }

  function swapIn() {
    return fetch(location.href, { headers: { Accept: "text/html" } })
      .then(function (response) { return response.text(); })
      .then(function (html) {
        var fresh = new DOMParser().parseFromString(html, "text/html").querySelector("article.batch");
        if (fresh) { article().replaceWith(fresh); }
      });
  }

  function poll() {
    var root = article();
    if (!root || ["queued", "running"].indexOf(root.dataset.status) < 0) { return; }
    fetch(root.dataset.api, { headers: { Accept: "application/json" } })
      .then(function (response) { return response.json(); })
      .then(function (batch) {
        update(batch);
        if (batch.status === "done" || batch.status === "failed") { return swapIn(); }
        setTimeout(poll, POLL_MS);
      })
      .catch(function () { setTimeout(poll, POLL_MS * 3); });
  }

  document.addEventListener("DOMContentLoaded", poll);
})();
