/* Progress without reloading (the pages work without this script: they offer a refresh link).
   Polls the job status JSON, updates each document row, announces the end in a live region, then
   fetches the page once more to show the downloads. On the review page, waits for the re-render
   after approval and announces when publishing is possible. No inline script: CSP script-src 'self'. */
(function () {
  "use strict";
  var DELAY = 1000;

  function poll(url, onData) {
    var stop = false;
    function tick() {
      if (stop) return;
      fetch(url, { credentials: "same-origin", headers: { Accept: "application/json" } })
        .then(function (r) { return r.ok ? r.json() : null; })
        .then(function (data) { if (data && onData(data) === false) stop = true; })
        .catch(function () {})
        .then(function () { if (!stop) setTimeout(tick, DELAY); });
    }
    setTimeout(tick, DELAY);
  }

  function setBadge(el, status, labels) {
    if (!el) return;
    el.textContent = "";
    var span = document.createElement("span");
    span.className = "badge st-" + status;
    span.textContent = labels[status] || status;
    el.appendChild(span);
  }

  function refreshSections(ids) {
    return fetch(location.pathname, { credentials: "same-origin" })
      .then(function (r) { return r.text(); })
      .then(function (html) {
        var doc = new DOMParser().parseFromString(html, "text/html");
        ids.forEach(function (id) {
          var fresh = doc.getElementById(id), old = document.getElementById(id);
          if (fresh && old) old.replaceWith(document.importNode(fresh, true));
        });
      });
  }

  function jobProgress(area) {
    var labels = JSON.parse(area.getAttribute("data-labels") || "{}");
    var terminal = ["success", "partial_success", "failure", "cancelled"];
    area.querySelectorAll(".nojs-refresh").forEach(function (el) { el.hidden = true; });
    poll(area.getAttribute("data-status-url"), function (job) {
      job.documents.forEach(function (d) {
        var row = document.getElementById("doc-" + d.id);
        if (!row) return;
        setBadge(row.querySelector('[data-field="status"]'), d.status, labels);
        var stage = row.querySelector('[data-field="stage"]');
        if (stage) stage.textContent = d.stage || "";
        var prog = row.querySelector('[data-field="progress"]');
        if (prog) prog.value = Math.round((d.progress || 0) * 100);
        var stages = row.querySelector('[data-field="stages"]');
        if (stages && d.stages_total) {
          stages.textContent = (stages.getAttribute("data-template") || "{done}/{total}")
            .replace("{done}", d.stages_done).replace("{total}", d.stages_total);
        }
      });
      if (terminal.indexOf(job.status) >= 0) {
        setBadge(document.getElementById("job-state"), job.status, labels);
        refreshSections(["docs-table", "results"]).then(function () {
          var live = document.getElementById("live");
          if (live) live.textContent = labels.done + " " + (labels[job.status] || "");
          document.body.setAttribute("data-job-finished", job.status);
        });
        return false;
      }
      return true;
    });
  }

  function publishWait(area) {
    area.querySelectorAll(".nojs-refresh").forEach(function (el) { el.hidden = true; });
    poll(area.getAttribute("data-state-url"), function (s) {
      if (s.render_pending) return true;
      var wait = document.getElementById("render-wait");
      if (wait) wait.remove();
      var btn = document.getElementById("publish-button");
      if (btn) btn.removeAttribute("aria-describedby");
      area.setAttribute("data-pending", "false");
      refreshSections(["render-state"]).then(function () {
        var live = document.getElementById("publish-live");
        if (live) live.textContent = live.getAttribute("data-ready") || "";
      });
      return false;
    });
  }

  document.addEventListener("DOMContentLoaded", function () {
    var area = document.getElementById("progress-area");
    if (area && area.getAttribute("data-running") === "true") jobProgress(area);
    var pub = document.getElementById("publish-area");
    if (pub && pub.getAttribute("data-pending") === "true") publishWait(pub);
    var summary = document.getElementById("error-summary");
    if (summary) summary.focus();
  });
})();
