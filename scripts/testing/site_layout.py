"""Checks a generated site in headless chromium (chromedriver + selenium) as a visitor sees it.

For each page, at 390 x 844 (a phone, through mobileEmulation) and 1366 x 900, in the light and
the dark theme: the page does not scroll sideways, and no element reaches past the viewport
unless it sits inside a scroll region (an ancestor with overflow-x auto or scroll); the page logs
no script error. Then, on the home page: the theme toggle switches the theme and the choice
survives a reload; a click on a sortable column header puts the rows in order; choosing a
licence in the licence filter hides the matrix rows of other licences; choosing a category on
Budget re-ranks the capacity table by that category's score; choosing a model on Trends swaps
the scaling chart to it. Writes a
screenshot of every page, width and theme to --screenshots.

Usage: site_layout.py SITE_DIR [--screenshots DIR] [--pages PATH...]
Serves SITE_DIR on 127.0.0.1 (the scenario script fetches files, which file:// forbids).
"""
import argparse
import base64
import functools
import http.server
import os
import sys
import threading

from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By

DEFAULT_PAGES = ["", "budget/", "trends/", "methodology/"]
SIZES = {"phone": (390, 844), "laptop": (1366, 900)}

# Elements whose right edge passes the viewport, outside any horizontally scrolling ancestor.
OVERFLOW_SCRIPT = """
const width = document.documentElement.clientWidth;
const scrolls = el => { for (let a = el.parentElement; a; a = a.parentElement) {
  const o = getComputedStyle(a).overflowX; if (o === 'auto' || o === 'scroll' || o === 'hidden') return true; } return false; };
const out = [];
for (const el of document.body.querySelectorAll('*')) {
  const r = el.getBoundingClientRect();
  if (r.width === 0 || r.height === 0) continue;
  if ((r.right > width + 1 || r.left < -1) && !scrolls(el)) {
    out.push(el.tagName.toLowerCase() + (el.id ? '#' + el.id : '') + (el.className && typeof el.className === 'string' ? '.' + el.className.split(' ').join('.') : '')
      + ' [' + Math.round(r.left) + '..' + Math.round(r.right) + ' of ' + width + ']');
  }
}
return {scrollWidth: document.scrollingElement.scrollWidth, width: width, overflowing: out.slice(0, 8), count: out.length};
"""


def serve(directory):
    handler = functools.partial(QuietHandler, directory=directory)
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


def browser(size):
    options = webdriver.ChromeOptions()
    options.binary_location = "/usr/bin/chromium"
    for flag in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--hide-scrollbars"):
        options.add_argument(flag)
    width, height = SIZES[size]
    if size == "phone":
        options.add_experimental_option("mobileEmulation", {
            "deviceMetrics": {"width": width, "height": height, "pixelRatio": 2.0}})
    else:
        options.add_argument(f"--window-size={width},{height}")
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    return webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)


def set_theme(driver, theme):
    driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {
        "features": [{"name": "prefers-color-scheme", "value": theme}]})


def full_page_screenshot(driver, path, max_height=6000):
    """The whole page (up to max_height CSS px), through the DevTools protocol."""
    width, height = driver.execute_script(
        "return [document.documentElement.clientWidth, Math.min(document.documentElement.scrollHeight, arguments[0])]",
        max_height)
    shot = driver.execute_cdp_cmd("Page.captureScreenshot", {
        "format": "png", "captureBeyondViewport": True,
        "clip": {"x": 0, "y": 0, "width": width, "height": height, "scale": 1}})
    with open(path, "wb") as handle:
        handle.write(base64.b64decode(shot["data"]))


def script_errors(driver):
    return [entry["message"] for entry in driver.get_log("browser") if entry["level"] == "SEVERE"]


def check_layout(driver, base, pages, screenshots, size, failures):
    for theme in ("light", "dark"):
        set_theme(driver, theme)
        for page in pages:
            driver.get(base + page)
            driver.execute_script("return document.fonts ? document.fonts.ready : null")
            result = driver.execute_script(OVERFLOW_SCRIPT)
            where = f"/{page} at {size} ({theme})"
            if result["scrollWidth"] > result["width"] + 1:
                failures.append(f"{where}: the page scrolls sideways ({result['scrollWidth']} px > {result['width']} px)")
            if result["count"]:
                failures.append(f"{where}: {result['count']} element(s) overflow the viewport: "
                                + "; ".join(result["overflowing"]))
            for message in script_errors(driver):
                failures.append(f"{where}: console error: {message}")
            if screenshots:
                name = (page.strip("/").replace("/", "-") or "performance") + f"-{size}-{theme}.png"
                full_page_screenshot(driver, os.path.join(screenshots, name))
    set_theme(driver, "light")


def check_theme_toggle(driver, base, failures):
    driver.get(base)
    driver.execute_script("localStorage.clear()")
    driver.get(base)
    toggle = driver.find_element(By.ID, "theme-toggle")
    if not toggle.is_displayed():
        failures.append("theme toggle: hidden although JavaScript runs")
        return
    background = lambda: driver.execute_script("return getComputedStyle(document.body).backgroundColor")
    before = background()
    toggle.click()  # system -> light
    toggle.click()  # light -> dark
    theme = driver.execute_script("return document.documentElement.dataset.theme")
    if theme != "dark":
        failures.append(f"theme toggle: two clicks from system should give dark, got {theme!r}")
    dark = background()
    if dark == before:
        failures.append(f"theme toggle: the background stayed {before} in the dark theme")
    driver.refresh()
    theme = driver.execute_script("return document.documentElement.dataset.theme")
    if theme != "dark" or background() != dark:
        failures.append(f"theme toggle: the dark theme did not survive a reload (data-theme {theme!r})")
    toggle = driver.find_element(By.ID, "theme-toggle")
    if "Dark" not in toggle.text:
        failures.append(f"theme toggle: label {toggle.text!r} after reload, expected Dark")
    driver.execute_script("localStorage.clear()")


def check_sorting(driver, base, failures):
    driver.get(base)
    tables = driver.find_elements(By.CSS_SELECTOR, "table.sortable")
    if not tables:
        failures.append("sorting: the home page has no sortable table")
        return
    table = tables[0]
    headers = table.find_elements(By.CSS_SELECTOR, "thead th")
    numeric = [i for i, th in enumerate(headers) if "num" in (th.get_attribute("class") or "")]
    if not numeric:
        failures.append("sorting: the first sortable table has no numeric column")
        return
    index = numeric[0]
    headers[index].find_element(By.CSS_SELECTOR, "button.sort").click()
    values = driver.execute_script("""
        const t = arguments[0], i = arguments[1];
        return Array.from(t.tBodies[0].rows).map(r => r.cells[i]).map(c => c.getAttribute('data-sort'))
          .filter(v => v !== null && v !== '').map(Number);""", table, index)
    order = headers[index].get_attribute("aria-sort")
    if order != "ascending":
        failures.append(f"sorting: aria-sort is {order!r} after one click, expected ascending")
    if len(values) < 2 or values != sorted(values):
        failures.append(f"sorting: column {index} is not in ascending order after a click: {values[:10]}")
    headers[index].find_element(By.CSS_SELECTOR, "button.sort").click()
    values = driver.execute_script("""
        const t = arguments[0], i = arguments[1];
        return Array.from(t.tBodies[0].rows).map(r => r.cells[i]).map(c => c.getAttribute('data-sort'))
          .filter(v => v !== null && v !== '').map(Number);""", table, index)
    if values != sorted(values, reverse=True):
        failures.append(f"sorting: column {index} is not in descending order after a second click")


def choose(driver, select, value):
    """Picks `value` in a <select> as a visitor does: the value changes and a change event fires."""
    driver.execute_script("arguments[0].value = arguments[1]; arguments[0].dispatchEvent(new Event('change'));",
                          select, value)


def check_licence_filter(driver, base, failures):
    """The licence filter shows once the script runs; choosing a licence hides every matrix row of another."""
    driver.get(base)
    selects = driver.find_elements(By.CSS_SELECTOR, "select[data-filter='licence']")
    if not selects:
        failures.append("licence filter: the home page has none")
        return
    select = selects[0]
    if not select.is_displayed():
        failures.append("licence filter: still hidden although JavaScript runs")
        return
    licences = [o.get_attribute("value") for o in select.find_elements(By.TAG_NAME, "option") if o.get_attribute("value")]
    visible = lambda: driver.execute_script("""
        return Array.from(document.querySelectorAll('tr[data-licence]'))
          .filter(r => r.offsetParent !== null).map(r => r.getAttribute('data-licence'));""")
    total = len(visible())
    wanted = licences[0]
    choose(driver, select, wanted)
    shown = visible()
    if not shown or any(licence != wanted for licence in shown) or len(shown) >= total:
        failures.append(f"licence filter: {wanted!r} left {len(shown)} of {total} rows visible: {sorted(set(shown))}")
    choose(driver, select, "")
    if len(visible()) != total:
        failures.append("licence filter: 'All licences' did not bring every row back")


def check_budget_category(driver, base, failures):
    """The Budget category choice re-ranks the capacity table by the chosen category's score."""
    driver.get(base + "budget/")
    selects = driver.find_elements(By.CSS_SELECTOR, "select[data-category-choice]")
    if not selects or not selects[0].is_displayed():
        failures.append("budget category: no visible category choice on /budget/")
        return
    select = selects[0]
    options = [o.get_attribute("value") for o in select.find_elements(By.TAG_NAME, "option")]
    category = next((o for o in options if o != "overall"), None)
    if category is None:
        failures.append("budget category: only the overall category is offered")
        return
    choose(driver, select, category)
    rows = driver.execute_script("""
        return Array.from(document.querySelector('table.capacity').tBodies[0].rows).map(r =>
          [r.getAttribute('data-score-' + arguments[0]), r.querySelector('.score').textContent]);""", category)
    scores = [float(attr) for attr, _ in rows if attr is not None]
    shown = [text for attr, text in rows if attr is not None]
    ranked_first = [attr is not None for attr, _ in rows]
    if not scores or scores != sorted(scores, reverse=True) or ranked_first != sorted(ranked_first, reverse=True):
        failures.append(f"budget category: rows not ordered by the {category} score: {rows[:6]}")
    if shown != [attr for attr, _ in rows if attr is not None]:
        failures.append(f"budget category: the score cells do not show the {category} scores")


def check_chart_choice(driver, base, failures):
    """The Trends scaling chart follows the model chosen in its select."""
    driver.get(base + "trends/")
    selects = driver.find_elements(By.CSS_SELECTOR, "select[data-variant-choice]")
    if not selects or not selects[0].is_displayed():
        failures.append("chart choice: no visible model choice on /trends/")
        return
    select = selects[0]
    target = select.get_attribute("data-variant-choice")
    options = [o.get_attribute("value") for o in select.find_elements(By.TAG_NAME, "option")]
    if len(options) < 2:
        failures.append("chart choice: fewer than two models offered")
        return
    choose(driver, select, options[1])
    caption = driver.execute_script("return document.getElementById(arguments[0]).querySelector('caption').textContent", target)
    charts = driver.execute_script("return document.getElementById(arguments[0]).querySelectorAll('svg').length", target)
    if options[1] not in caption or charts != 1:
        failures.append(f"chart choice: choosing {options[1]!r} shows {charts} chart(s) captioned {caption!r}")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("site")
    parser.add_argument("--screenshots")
    parser.add_argument("--pages", nargs="*", default=DEFAULT_PAGES)
    args = parser.parse_args()
    if args.screenshots:
        os.makedirs(args.screenshots, exist_ok=True)
    server = serve(args.site)
    base = f"http://127.0.0.1:{server.server_address[1]}/"
    failures = []
    for size in SIZES:
        driver = browser(size)
        try:
            check_layout(driver, base, args.pages, args.screenshots, size, failures)
            if size == "laptop":
                check_theme_toggle(driver, base, failures)
                check_sorting(driver, base, failures)
                check_licence_filter(driver, base, failures)
                check_budget_category(driver, base, failures)
                check_chart_choice(driver, base, failures)
        finally:
            driver.quit()
    server.shutdown()
    for failure in failures:
        print("site_layout: " + failure, file=sys.stderr)
    print(f"site_layout: {len(args.pages)} page(s) x {len(SIZES)} widths x 2 themes: "
          + ("ok" if not failures else f"{len(failures)} problem(s)"), file=sys.stderr)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
