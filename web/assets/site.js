"use strict";
// Progressive enhancements of every page; the pages are complete without them.
//  * the theme toggle: system → light → dark, remembered in localStorage ("seekgpu-theme");
//    the inline script in <head> applies a stored choice before the first paint;
//  * sortable tables: a table with class "sortable" sorts by a header clicked (numbers by the
//    cell's data-sort value, else its text), aria-sort marks the column and order;
//  * filters: a <select data-filter="NAME"> hides the rows of its scope whose data-NAME differs;
//  * the Budget category choice: a <select data-category-choice="SELECTOR"> re-ranks that table;
//  * chart choices: a <select data-variant-choice="ID"> swaps a pre-rendered <template> into #ID.
(function () {
  var KEY = "seekgpu-theme";
  var root = document.documentElement;

  function storedTheme() {
    try { return localStorage.getItem(KEY) || "system"; } catch (e) { return "system"; }
  }

  function applyTheme(theme, button) {
    if (theme === "light" || theme === "dark") root.dataset.theme = theme;
    else delete root.dataset.theme;
    if (!button) return;
    var label = theme.charAt(0).toUpperCase() + theme.slice(1);
    button.querySelector(".theme-label").textContent = label;
    button.setAttribute("aria-label", "Colour theme: " + label.toLowerCase() + " (click to change)");
    button.dataset.theme = theme;
  }

  function setUpThemeToggle() {
    var button = document.getElementById("theme-toggle");
    if (!button) return;
    var order = ["system", "light", "dark"];
    applyTheme(storedTheme(), button);
    button.hidden = false;
    button.addEventListener("click", function () {
      var next = order[(order.indexOf(button.dataset.theme || "system") + 1) % order.length];
      try {
        if (next === "system") localStorage.removeItem(KEY); else localStorage.setItem(KEY, next);
      } catch (e) { /* private mode: the choice lasts for this page only */ }
      applyTheme(next, button);
    });
  }

  function sortValue(cell) {
    if (!cell) return "";
    var raw = cell.getAttribute("data-sort");
    if (raw !== null && raw !== "" && !isNaN(Number(raw))) return Number(raw);
    return raw !== null ? raw : cell.textContent.trim().toLowerCase();
  }

  function compare(a, b) {
    var numA = typeof a === "number", numB = typeof b === "number";
    if (numA && numB) return a - b;
    if (numA) return -1; // numbers before text ("—")
    if (numB) return 1;
    return a < b ? -1 : a > b ? 1 : 0;
  }

  function setUpSortable(table) {
    var headers = table.tHead ? table.tHead.rows[0].cells : [];
    Array.prototype.forEach.call(headers, function (th, index) {
      if (th.hasAttribute("data-nosort")) return;
      var button = document.createElement("button");
      button.type = "button";
      button.className = "sort";
      while (th.firstChild) button.appendChild(th.firstChild);
      th.appendChild(button);
      button.addEventListener("click", function () {
        var ascending = th.getAttribute("aria-sort") !== "ascending";
        Array.prototype.forEach.call(headers, function (other) { other.removeAttribute("aria-sort"); });
        th.setAttribute("aria-sort", ascending ? "ascending" : "descending");
        Array.prototype.forEach.call(table.tBodies, function (body) {
          var rows = Array.prototype.slice.call(body.rows);
          rows.sort(function (x, y) {
            var order = compare(sortValue(x.cells[index]), sortValue(y.cells[index]));
            return ascending ? order : -order;
          });
          rows.forEach(function (row) { body.appendChild(row); });
        });
      });
    });
  }

  // A control that only this script makes work is hidden in the HTML; show it.
  function reveal(control) {
    var hidden = control.closest("[hidden]");
    if (hidden) hidden.hidden = false;
  }

  function setUpFilter(select) {
    var name = select.getAttribute("data-filter");
    var scope = document.getElementById(select.getAttribute("data-filter-scope")) || document;
    reveal(select);
    select.addEventListener("change", function () {
      var wanted = select.value;
      var rows = scope.querySelectorAll("[data-" + name + "]");
      Array.prototype.forEach.call(rows, function (row) {
        row.hidden = wanted !== "" && row.getAttribute("data-" + name) !== wanted;
      });
    });
  }

  // The Budget category choice: each capacity row carries data-score-NAME and data-percent-NAME per
  // category; show the chosen category's values and order the rows by its score, best first (rows
  // without a score in it last, in their page order).
  function applyCategory(select) {
    var category = select.value;
    Array.prototype.forEach.call(document.querySelectorAll(select.getAttribute("data-category-choice")), function (table) {
      Array.prototype.forEach.call(table.tBodies, function (body) {
        var rows = Array.prototype.slice.call(body.rows);
        rows.forEach(function (row, index) {
          if (!row.hasAttribute("data-page-order")) row.setAttribute("data-page-order", String(index));
          var score = row.getAttribute("data-score-" + category);
          var scoreCell = row.querySelector(".score"), percentCell = row.querySelector(".percent");
          if (scoreCell) scoreCell.textContent = score === null ? "—" : score;
          if (percentCell) percentCell.textContent = score === null ? "—" : row.getAttribute("data-percent-" + category);
          row.setAttribute("data-rank-score", score === null ? "" : score);
        });
        rows.sort(function (x, y) {
          var a = x.getAttribute("data-rank-score"), b = y.getAttribute("data-rank-score");
          if (a !== "" && b !== "" && Number(a) !== Number(b)) return Number(b) - Number(a);
          if ((a === "") !== (b === "")) return a === "" ? 1 : -1;
          return Number(x.getAttribute("data-page-order")) - Number(y.getAttribute("data-page-order"));
        });
        rows.forEach(function (row) { body.appendChild(row); });
      });
    });
  }

  function setUpCategoryChoice(select) {
    reveal(select);
    select.addEventListener("change", function () { applyCategory(select); });
  }

  // A chart that follows a chosen model: <select data-variant-choice="ID"> swaps into #ID the
  // <template data-variant-of="ID" data-variant="VALUE"> of the chosen option.
  function setUpVariantChoice(select) {
    var target = select.getAttribute("data-variant-choice");
    reveal(select);
    select.addEventListener("change", function () {
      var container = document.getElementById(target);
      var templates = document.querySelectorAll("template[data-variant-of='" + target + "']");
      var chosen = Array.prototype.filter.call(templates, function (t) { return t.getAttribute("data-variant") === select.value; })[0];
      if (!container || !chosen) return;
      container.replaceChildren(chosen.content.cloneNode(true));
      enhance(container);
    });
  }

  function enhance(container) {
    Array.prototype.forEach.call(container.querySelectorAll("table.sortable"), setUpSortable);
  }

  setUpThemeToggle();
  enhance(document);
  Array.prototype.forEach.call(document.querySelectorAll("select[data-filter]"), setUpFilter);
  Array.prototype.forEach.call(document.querySelectorAll("select[data-category-choice]"), setUpCategoryChoice);
  Array.prototype.forEach.call(document.querySelectorAll("select[data-variant-choice]"), setUpVariantChoice);
  // The scenario script swaps regions in; enhance what it brings.
  document.addEventListener("seekgpu:region", function (event) {
    enhance(event.target);
    Array.prototype.forEach.call(document.querySelectorAll("select[data-filter], select[data-category-choice]"), function (select) {
      select.dispatchEvent(new Event("change"));
    });
  });
})();
