// Report page: hovering or clicking a claim highlights its counterpart(s) on the other side.
(function () {
  "use strict";
  var pinned = null;

  function claim(id) { return document.getElementById("claim-" + id); }

  function counterparts(el) {
    var ids = (el.dataset.links || "").split(" ").filter(Boolean);
    if (!ids.length && el.dataset.closest) { ids = [el.dataset.closest]; }
    return ids.map(claim).filter(Boolean);
  }

  function clear() {
    document.querySelectorAll(".is-active, .is-linked, .is-near").forEach(function (el) {
      el.classList.remove("is-active", "is-linked", "is-near");
    });
  }

  function show(el) {
    clear();
    if (!el) { return; }
    el.classList.add("is-active");
    var linked = (el.dataset.links || "").split(" ").filter(Boolean);
    counterparts(el).forEach(function (other) {
      other.classList.add(linked.length ? "is-linked" : "is-near");
    });
    document.querySelectorAll('.emphasis[data-target="' + el.dataset.claim + '"]').forEach(function (card) {
      card.classList.add("is-active");
    });
  }

  function reveal(el) {
    if (!el) { return; }
    el.scrollIntoView({ behavior: "smooth", block: "center" });
    var first = counterparts(el)[0];
    if (first && window.innerWidth > 900) {
      first.scrollIntoView({ behavior: "smooth", block: "nearest" });
    }
  }

  document.querySelectorAll(".claim").forEach(function (el) {
    el.addEventListener("mouseenter", function () { if (!pinned) { show(el); } });
    el.addEventListener("mouseleave", function () { if (!pinned) { clear(); } });
    el.addEventListener("focus", function () { if (!pinned) { show(el); } });
    el.addEventListener("click", function () {
      pinned = pinned === el ? null : el;
      show(pinned);
      if (pinned) {
        var first = counterparts(el)[0];
        if (first) { first.scrollIntoView({ behavior: "smooth", block: "nearest" }); }
      }
    });
    el.addEventListener("keydown", function (event) {
      if (event.key === "Enter" || event.key === " ") { event.preventDefault(); el.click(); }
    });
  });

  document.querySelectorAll(".emphasis").forEach(function (card) {
    function go() {
      var el = claim(card.dataset.target);
      pinned = el;
      show(el);
      reveal(el);
    }
    card.addEventListener("click", go);
    card.addEventListener("keydown", function (event) {
      if (event.key === "Enter") { go(); }
    });
  });

  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape") { pinned = null; clear(); }
  });

  document.querySelectorAll("form[data-confirm]").forEach(function (form) {
    form.addEventListener("submit", function (event) {
      if (!window.confirm(form.dataset.confirm)) { event.preventDefault(); }
    });
  });
})();
