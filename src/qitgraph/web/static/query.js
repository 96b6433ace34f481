// The query page: load a named query as an example, run with Ctrl+Enter, and put the cursor
// at the position of a syntax error. No libraries, no network beyond this server.
(function () {
  "use strict";
  var area = document.getElementById("query");
  var form = document.getElementById("query-form");
  var examples = JSON.parse(document.getElementById("examples-data").textContent || "{}");
  var select = document.getElementById("example");
  select.addEventListener("change", function () {
    if (examples[select.value]) { area.value = examples[select.value]; area.focus(); }
  });
  area.addEventListener("keydown", function (e) {
    if (e.key === "Enter" && (e.ctrlKey || e.metaKey)) { e.preventDefault(); form.submit(); }
  });
  var error = document.getElementById("error");
  if (error && error.dataset.line) {
    var line = parseInt(error.dataset.line, 10), column = parseInt(error.dataset.column || "1", 10);
    var lines = area.value.split("\n"), offset = 0;
    for (var i = 0; i < line - 1 && i < lines.length; i++) { offset += lines[i].length + 1; }
    offset += Math.max(column - 1, 0);
    area.focus();
    area.setSelectionRange(offset, Math.min(offset + 1, area.value.length));
    area.classList.add("has-error");
  }
})();
