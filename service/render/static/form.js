// Forms with data-max-bytes: a body the server would refuse (413) is stopped here, with a
// message in words, so what was typed stays in the form.
(function () {
  "use strict";
  var encoder = new TextEncoder();

  function size(form) {
    var data = new FormData(form);
    if (form.enctype === "multipart/form-data") {
      var total = 0;
      data.forEach(function (value) {
        total += typeof value === "string" ? encoder.encode(value).length + 100 : value.size + 200;
      });
      return total;
    }
    return encoder.encode(new URLSearchParams(data).toString()).length;
  }

  document.querySelectorAll("form[data-max-bytes]").forEach(function (form) {
    form.addEventListener("submit", function (event) {
      var limit = Number(form.dataset.maxBytes);
      var sent = size(form);
      var note = form.querySelector(".size-error");
      if (sent <= limit) {
        if (note) { note.hidden = true; }
        return;
      }
      event.preventDefault();
      if (!note) {
        note = document.createElement("div");
        note.className = "form-error size-error";
        note.setAttribute("role", "alert");
        form.insertBefore(note, form.firstChild);
      }
      note.hidden = false;
      note.textContent = "Too large: this would send " + (sent / 1e6).toFixed(1) +
        " MB and the server takes at most " + (limit / 1e6).toFixed(1) +
        " MB at once. Nothing was sent and what you typed is still here: " +
        (form.dataset.sizeAdvice || "shorten it and try again.");
      note.scrollIntoView({ block: "nearest" });
    });
  });
})();
