// The search page (/search/): a small UI on Pagefind's JS API.
// Loaded on this page only, as a module (no inline script: the site's CSP is
// default-src 'self'; Pagefind's WebAssembly also needs 'wasm-unsafe-eval').
// Every word shown comes from theme/strings.yaml via the app's data- attributes.

const PAGE_SIZE = 10;
const TYPING_PAUSE_MS = 250;
// The index holds one word per Han character (plugins/xcfl_search/segment.py
// parts them with zero-width spaces; HAN lists the same ranges). A query is parted
// the same way and each of its terms is asked for as a phrase.
const HAN = "\\u3400-\\u4dbf\\u4e00-\\u9fff\\uf900-\\ufaff\\u{20000}-\\u{3134f}";
const BETWEEN_HAN = new RegExp(`(?<=[${HAN}])(?=[${HAN}])`, "gu");
const SEPARATORS = /\u200b/g;

const app = document.getElementById("search-app");
const text = app.dataset;
const input = document.getElementById(text.input);
const form = input.form;
const selects = Array.from(app.querySelectorAll("select[data-filter]"));
const status = document.getElementById("search-status");
const list = document.getElementById("search-results");
const more = document.getElementById("search-more");

let pagefind = null;
let shown = [];     // result handles of the current search, not yet all displayed
let latest = 0;     // number of the latest search, so a slow older one never wins

// Query terms as Pagefind is asked for them: 陈志刚家庭 -> "陈 志 刚 家 庭" (a phrase:
// the characters at consecutive positions); a term of one word as it is.
function termQuery(term) {
  const parted = term.replace(BETWEEN_HAN, " ");
  return parted === term ? term : `"${parted}"`;
}

// What the site finds for a query: the pages that hold every term of it (a term's
// characters next to each other). When no page does, the pages that hold all the
// characters anywhere, so a reader still gets something. Returns
// { results, filters } like a Pagefind search; results are Pagefind's handles.
async function find(query, filters) {
  const options = { filters };
  const terms = query.trim().replace(/^"(.*)"$/, "$1").split(/\s+/).filter(Boolean);
  if (terms.length === 0) return pagefind.search(null, options);
  const loose = terms.map((term) => term.replace(BETWEEN_HAN, " ")).join(" ");
  if (terms.length === 1) {
    const phrase = await pagefind.search(termQuery(terms[0]), options);
    return phrase.results.length ? phrase : pagefind.search(loose, options);
  }
  const [all, ...each] = await Promise.all(
    [pagefind.search(loose, options), ...terms.map((term) => pagefind.search(termQuery(term), options))]);
  const found = each.map((search) => new Set(search.results.map((result) => result.id)));
  const results = all.results.filter((result) => found.every((ids) => ids.has(result.id)));
  if (results.length === 0) return all;
  // Counts per filter value: at most those of the most selective term (an upper bound).
  const counts = {};
  for (const [name, values] of Object.entries(all.filters)) {
    counts[name] = {};
    for (const value of Object.keys(values)) {
      counts[name][value] = Math.min(...each.map((search) => search.filters[name]?.[value] ?? 0));
    }
  }
  return { results, filters: counts };
}

function fill(template, values) {
  return template.replace(/\{(\w+)\}/g, (whole, key) => (key in values ? values[key] : whole));
}

function readAddress() {
  const params = new URLSearchParams(window.location.search);
  input.value = params.get("q") || "";
  for (const select of selects) {
    const wanted = params.get(select.dataset.param);
    // Its option until the index's options (with counts) replace it.
    if (wanted) select.append(new Option(wanted, wanted, true, true));
  }
}

// The address always holds the current search, so it can be shared.
function writeAddress(query) {
  const params = new URLSearchParams();
  if (query) params.set("q", query);
  for (const select of selects) {
    if (select.value) params.set(select.dataset.param, select.value);
  }
  const search = params.toString();
  const address = window.location.pathname + (search ? "?" + search : "");
  window.history.replaceState(null, "", address);
}

function chosenFilters() {
  const filters = {};
  for (const select of selects) {
    if (select.value) filters[select.dataset.filter] = select.value;
  }
  return filters;
}

// Options with counts: of the current results when there is a query, else of the site.
function showFilterOptions(counts) {
  for (const select of selects) {
    const current = select.value;
    const values = counts[select.dataset.filter] || {};
    const names = Object.keys(values).sort((a, b) => a.localeCompare(b, "zh-CN"));
    if (current && !names.includes(current)) names.push(current);
    select.replaceChildren(new Option(text.textAll, ""));
    for (const name of names) {
      const label = fill(text.textFilterCount, { name, n: values[name] || 0 });
      select.append(new Option(label, name, false, name === current));
    }
    select.value = current;
  }
}

// Pagefind's excerpt is text with < and > escaped and the matches in <mark>:
// build it as nodes, never as HTML.
function excerptNodes(excerpt) {
  const nodes = [];
  // Adjacent matches (巧|娘 are two indexed words) read as one highlight; the
  // zero-width spaces between the indexed words go.
  const parts = excerpt.replace(SEPARATORS, "").replace(/<\/mark><mark>/g, "").split(/(<mark>|<\/mark>)/);
  let marked = false;
  for (const part of parts) {
    if (part === "<mark>") marked = true;
    else if (part === "</mark>") marked = false;
    else if (part) {
      const words = part.replace(/&lt;/g, "<").replace(/&gt;/g, ">");
      if (marked) {
        const mark = document.createElement("mark");
        mark.textContent = words;
        nodes.push(mark);
      } else {
        nodes.push(document.createTextNode(words));
      }
    }
  }
  return nodes;
}

function formatDate(iso) {
  const [y, m, d] = iso.split("-");
  return fill(text.textDate, { y, m: Number(m), d: Number(d) });
}

function resultItem(data) {
  const item = document.createElement("li");
  item.className = "xc-result";
  const heading = document.createElement("h3");
  heading.className = "xc-result__title";
  const link = document.createElement("a");
  link.href = data.url;
  link.textContent = (data.meta.title || data.url).replace(SEPARATORS, "");
  heading.append(link);
  const type = document.createElement("p");
  type.className = "xc-result__type";
  type.textContent = data.meta.type || "";
  const excerpt = document.createElement("p");
  excerpt.className = "xc-result__excerpt";
  excerpt.append(...excerptNodes(data.excerpt || ""));
  item.append(type, heading, excerpt);
  if (data.meta.date) {
    const date = document.createElement("time");
    date.className = "xc-result__date";
    date.dateTime = data.meta.date;
    date.textContent = formatDate(data.meta.date);
    item.append(date);
  }
  return item;
}

async function showMore() {
  const batch = shown.splice(0, PAGE_SIZE);
  const data = await Promise.all(batch.map((result) => result.data()));
  list.append(...data.map(resultItem));
  more.hidden = shown.length === 0;
}

function clearResults() {
  shown = [];
  list.replaceChildren();
  more.hidden = true;
}

async function run({ immediately = false } = {}) {
  const number = ++latest;
  const query = input.value.trim();
  const filters = chosenFilters();
  writeAddress(query);
  if (!query && Object.keys(filters).length === 0) {
    clearResults();
    status.textContent = text.textPrompt;
    showFilterOptions(await pagefind.filters());
    return;
  }
  status.textContent = text.textLoading;
  if (!immediately) {
    await new Promise((resolve) => setTimeout(resolve, TYPING_PAUSE_MS));
    if (number !== latest) return; // the reader typed on
  }
  const search = await find(query, filters);
  if (number !== latest) return; // a newer search took over
  clearResults();
  shown = search.results.slice();
  showFilterOptions(query ? search.filters : await pagefind.filters());
  await showMore();
  if (number !== latest) return;
  const n = search.results.length;
  if (n === 0) status.textContent = text.textNone;
  else status.textContent = fill(query ? text.textCountQuery : text.textCount, { q: query, n });
}

function failed(error) {
  status.textContent = text.textError;
  console.error(error);
}

async function start() {
  document.getElementById(text.nojs).hidden = true;
  app.hidden = false;
  readAddress();
  try {
    pagefind = await import(text.pagefind);
    // No Web Worker: it would be 40 KB more to download for a first query, and
    // searching this site's index on the main thread takes milliseconds.
    // The excerpt is counted in indexed words: here mostly single characters.
    await pagefind.options({ excerptLength: 60, noWorker: true });
    await pagefind.filters(); // loads the filter files: results then carry counts
    // The site's search, for the tests (tests/test_search_browser.py) and the console.
    window.xcfl = { find };
    await run({ immediately: true });
  } catch (error) {
    failed(error);
    return;
  }
  input.addEventListener("input", () => run().catch(failed));
  for (const select of selects) {
    select.addEventListener("change", () => run({ immediately: true }).catch(failed));
  }
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    run({ immediately: true }).catch(failed);
  });
  more.addEventListener("click", () => showMore().catch(failed));
}

start();
