/* Small enhancements; every page works without this script (forms post, links refresh).
   - Job page: follows each document's progress (the server sends the words, in the page's language),
     shows a sign of life while a stage runs, announces the end once in a live region.
   - Review page: each segment's form is sent in the background; the page and the focus stay where
     they are, the result is said in the segment's own status line.
   - Review page, after approval: the "Publish" button is enabled when the formats are ready.
   No inline script: CSP script-src 'self'. */
(function () {
  "use strict";
  var DELAY = 1500;

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

  function setBadge(el, status, label) {
    if (!el) return;
    el.textContent = "";
    var span = document.createElement("span");
    span.className = "badge st-" + status;
    span.textContent = label;
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

  function fill(template, values) {
    return template.replace(/%\((\w+)\)s/g, function (_m, k) { return values[k] !== undefined ? values[k] : ""; });
  }

  /* --- job page ------------------------------------------------------------------------------ */
  function jobProgress(area) {
    var labels = JSON.parse(area.getAttribute("data-labels") || "{}");
    var terminal = ["success", "partial_success", "failure", "cancelled"];
    area.querySelectorAll(".nojs-refresh").forEach(function (el) { el.hidden = true; });
    var alive = setInterval(function () {  // a sign of life: how long the current stage has been running
      var now = Date.now() / 1000;
      area.querySelectorAll('[data-field="alive"]').forEach(function (el) {
        var started = parseFloat(el.getAttribute("data-started") || "");
        if (!started) { el.textContent = ""; return; }
        var s = Math.max(0, Math.round(now - started)), m = Math.floor(s / 60);
        var time = m ? fill(labels.min, { m: m, s: s % 60 }) : fill(labels.sec, { s: s });
        el.textContent = "· " + fill(labels.since, { time: time });
      });
    }, 1000);
    poll(area.getAttribute("data-status-url"), function (job) {
      var w = job.words || { documents: {} };
      setBadge(document.querySelector("#job-state"), job.status, w.job || job.status);
      job.documents.forEach(function (d) {
        var row = document.getElementById("doc-" + d.id), dw = w.documents[d.id];
        if (!row || !dw) return;
        setBadge(row.querySelector('[data-field="status"]'), d.status, dw.state);
        var doing = row.querySelector('[data-field="doing"]');
        if (doing) doing.textContent = dw.doing;
        var est = row.querySelector('[data-field="estimate"]');
        if (est) est.textContent = dw.estimate;
        var prog = row.querySelector('[data-field="progress"]');
        if (prog) prog.value = dw.percent;
        var al = row.querySelector('[data-field="alive"]');
        if (al) al.setAttribute("data-started", dw.stage_started || "");
      });
      if (terminal.indexOf(job.status) >= 0) {
        clearInterval(alive);
        refreshSections(["docs-table", "results"]).then(function () {
          var live = document.getElementById("live");
          if (live) live.textContent = labels.done + " " + (w.job || "");
          document.body.setAttribute("data-job-finished", job.status);
        });
        return false;
      }
      return true;
    });
  }

  /* --- review page: one segment saved on its own --------------------------------------------- */
  function segmentForms() {
    document.querySelectorAll("form.segment-form").forEach(function (form) {
      form.addEventListener("submit", function (ev) {
        ev.preventDefault();
        var id = form.getAttribute("data-segment");
        var note = document.getElementById("note-" + id);
        var area = document.getElementById("text-" + id);
        var button = form.querySelector("button[type=submit]");
        var keep = document.activeElement;  // the focus stays where the person is
        if (button) button.setAttribute("aria-busy", "true");
        fetch(form.action, { method: "POST", body: new FormData(form), credentials: "same-origin",
                             headers: { Accept: "application/json" } })
          .then(function (r) { return r.json().catch(function () { return { ok: false, errors: [] }; }); })
          .then(function (res) {
            var old = document.getElementById("err-" + id);
            if (old) old.remove();
            var li = document.getElementById("seg-" + id);
            if (res.ok) {
              form.querySelector("input[name=base]").value = res.base;
              area.removeAttribute("aria-invalid");
              if (li) li.classList.remove("has-error");
              if (res.status && li) {
                var badge = li.querySelector("h3 .badge");
                if (badge) badge.textContent = res.status;
              }
              note.textContent = res.message;
            } else {
              var p = document.createElement("p");
              p.className = "field-error";
              p.id = "err-" + id;
              p.textContent = "⚠ " + (res.errors || []).join(" ");
              area.parentNode.insertBefore(p, area);
              area.setAttribute("aria-invalid", "true");
              var desc = (area.getAttribute("aria-describedby") || "").split(" ").filter(function (x) { return x && x !== p.id; });
              desc.push(p.id);
              area.setAttribute("aria-describedby", desc.join(" "));
              if (li) li.classList.add("has-error");
              note.textContent = p.textContent;
            }
          })
          .catch(function () { form.submit(); })  // no answer: send the form the plain way
          .then(function () {
            if (button) button.removeAttribute("aria-busy");
            if (keep && document.activeElement !== keep && keep.focus) keep.focus();
            document.body.setAttribute("data-saved", id + ":" + Date.now());
          });
      });
    });
  }

  /* --- review page: publish when the formats are ready ----------------------------------------- */
  function publishWait(area) {
    area.querySelectorAll(".nojs-refresh").forEach(function (el) { el.hidden = true; });
    poll(area.getAttribute("data-state-url"), function (s) {
      var state = document.getElementById("render-state");
      if (state && s.render_state_label) state.textContent = s.render_state_label;
      if (s.render_pending) return true;
      var reason = document.getElementById("publish-reason");
      var btn = document.getElementById("publish-button");
      var live = document.getElementById("publish-live");
      if (s.can_publish) {
        if (reason) reason.remove();
        if (btn) { btn.disabled = false; btn.removeAttribute("aria-describedby"); }
        if (live) live.textContent = live.getAttribute("data-ready") || "";
        area.setAttribute("data-pending", "false");
      } else {  // the formats could not be made: the page's own words and the "make them again" button
        refreshSections(["publish-area"]).then(function () {
          var fresh = document.getElementById("publish-live"), why = document.getElementById("publish-reason");
          if (fresh && why) fresh.textContent = why.textContent;
        });
      }
      return false;
    });
  }

  document.addEventListener("DOMContentLoaded", function () {
    var area = document.getElementById("progress-area");
    if (area && area.getAttribute("data-running") === "true") jobProgress(area);
    var pub = document.getElementById("publish-area");
    if (pub && pub.getAttribute("data-pending") === "true") publishWait(pub);
    segmentForms();
    var summary = document.getElementById("error-summary");
    if (summary) summary.focus();
    else if (location.hash && location.hash.indexOf("#seg-") === 0) {  // back from a save without script: at the segment
      var seg = document.getElementById(decodeURIComponent(location.hash.slice(1)));
      if (seg) seg.focus();
    }
  });
})();
