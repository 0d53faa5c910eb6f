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
    // Compared, not put into a selector: a side label may hold any character (a quote).
    document.querySelectorAll(".emphasis[data-target]").forEach(function (card) {
      if (card.dataset.target === el.dataset.claim) { card.classList.add("is-active"); }
    });
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

  // On a phone the columns stack: the claim is far below its card, and its counterpart further
  // still. Show the counterpart in a panel at the foot, with a button back to the card.
  var peek = document.querySelector(".peek");
  var from = null;

  function narrow() { return window.innerWidth <= 900; }

  function showPeek(el, card) {
    if (!peek) { return; }
    var first = counterparts(el)[0];
    var label = card.querySelector(".closest span");
    peek.querySelector(".peek-text").textContent = first
      ? (label ? label.textContent + " " : "") + first.textContent
      : "No counterpart on the other side.";
    from = card;
    peek.hidden = false;
  }

  function hidePeek() { if (peek) { peek.hidden = true; } }

  if (peek) {
    peek.querySelector(".peek-back").addEventListener("click", function () {
      hidePeek();
      if (from) { from.scrollIntoView({ behavior: "smooth", block: "center" }); from.focus({ preventScroll: true }); }
    });
  }

  document.querySelectorAll(".emphasis").forEach(function (card) {
    function go() {
      var el = claim(card.dataset.target);
      pinned = el;
      show(el);
      if (!el) { return; }
      el.scrollIntoView({ behavior: "smooth", block: "center" });
      if (narrow()) {
        showPeek(el, card);
      } else {
        var first = counterparts(el)[0];
        if (first) { first.scrollIntoView({ behavior: "smooth", block: "nearest" }); }
      }
    }
    card.addEventListener("click", go);
    card.addEventListener("keydown", function (event) {
      if (event.key === "Enter") { go(); }
    });
  });

  // Printing shows every collapsed section.
  window.addEventListener("beforeprint", function () {
    document.querySelectorAll("details").forEach(function (d) { d.open = true; });
  });
  document.querySelectorAll("[data-print]").forEach(function (button) {
    button.addEventListener("click", function () { window.print(); });
  });

  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape") { pinned = null; clear(); hidePeek(); }
  });

  document.querySelectorAll("form[data-confirm]").forEach(function (form) {
    form.addEventListener("submit", function (event) {
      if (!window.confirm(form.dataset.confirm)) { event.preventDefault(); }
    });
  });
})();
