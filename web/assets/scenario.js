"use strict";
(function () {
  var body = document.body, form = document.getElementById("scenario-form");
  var region = document.getElementById("scenario-region");
  if (!form || !region || body.dataset.scenarioPage === undefined) return;
  var key = "seekgpu.scenario", status = document.getElementById("scenario-status");
  function idOf() {
    var f = form.elements;
    return "in" + (f.input.value / 1000) + "k-out" + (f.output.value / 1000) + "k-kv" + f.kv.value + "-mem" + f.mem.value;
  }
  function setForm(id) {
    var m = /^in(\d+)k-out(\d+)k-kv(\w+)-mem(\d+)$/.exec(id || "");
    if (!m) return false;
    var f = form.elements, values = [m[1] * 1000, m[2] * 1000, m[3], m[4]], names = ["input", "output", "kv", "mem"];
    for (var i = 0; i < names.length; i++) {
      var el = f[names[i]], ok = false;
      for (var j = 0; j < el.options.length; j++) if (el.options[j].value === String(values[i])) ok = true;
      if (!ok) return false;
      el.value = String(values[i]);
    }
    return true;
  }
  function load(id) {
    var url = body.dataset.root + "scenarios/" + id + "/" + body.dataset.scenarioPage + "region.html";
    region.setAttribute("aria-busy", "true");
    fetch(url).then(function (r) {
      if (!r.ok) throw new Error(r.status + " " + url);
      return r.text();
    }).then(function (html) {
      // The file is a page of its own; take its region.
      var fresh = new DOMParser().parseFromString(html, "text/html").getElementById("scenario-region");
      if (!fresh) throw new Error("no scenario region in " + url);
      region.innerHTML = fresh.innerHTML;
      region.dataset.scenario = id;
      region.dispatchEvent(new CustomEvent("seekgpu:region", { bubbles: true }));
      if (status) status.textContent = "";
    }).catch(function () {
      if (status) status.textContent = "These settings could not be loaded; showing the previous ones.";
    }).then(function () { region.removeAttribute("aria-busy"); });
  }
  form.hidden = false;
  function remember(id) {
    try { localStorage.setItem(key, id); } catch (e) {}
    var url = new URL(location.href);
    if (id === form.dataset.default) url.searchParams.delete("scenario"); else url.searchParams.set("scenario", id);
    history.replaceState(null, "", url);
  }
  form.addEventListener("change", function () {
    var id = idOf();
    remember(id);
    load(id);
  });
  form.addEventListener("submit", function (e) { e.preventDefault(); });
  var wanted = new URLSearchParams(location.search).get("scenario");
  if (!wanted) { try { wanted = localStorage.getItem(key); } catch (e) {} }
  if (wanted && wanted !== region.dataset.scenario && setForm(wanted)) load(wanted);
})();

