// The search page (/search/): a small UI on Pagefind's JS API.
// Loaded on this page only, as a module (no inline script: the site's CSP is
// default-src 'self'; Pagefind's WebAssembly also needs 'wasm-unsafe-eval').
// Every word shown comes from theme/strings.yaml via the app's data- attributes.

const PAGE_SIZE = 10;
const TYPING_PAUSE_MS = 250;

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
  // Adjacent matches (巧|娘 are two indexed words) read as one highlight.
  const parts = excerpt.replace(/<\/mark><mark>/g, "").split(/(<mark>|<\/mark>)/);
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
  link.textContent = data.meta.title || data.url;
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
  const options = { filters };
  const search = immediately
    ? await pagefind.search(query || null, options)
    : await pagefind.debouncedSearch(query || null, options, TYPING_PAUSE_MS);
  if (search === null || number !== latest) return; // a newer search took over
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
    await pagefind.options({ excerptLength: 40, noWorker: true });
    await pagefind.filters(); // loads the filter files: results then carry counts
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
