// The search page (/search/): a small UI on Pagefind's JS API.
// Loaded on this page only, as a module (no inline script: the site's CSP is
// default-src 'self'; Pagefind's WebAssembly also needs 'wasm-unsafe-eval').
// Every word shown comes from theme/strings.yaml via the app's data- attributes.

const PAGE_SIZE = 10;
const TYPING_PAUSE_MS = 250;
// The index holds the body as Pagefind's indexer segments it (dictionary words) and
// the title one word per Han character (plugins/xcfl_search/segment.py parts them
// with zero-width spaces; HAN lists the same ranges). find() asks for both.
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
// The filter files (every page's type and street) load only when the reader turns
// to the filters, or the address chose one: not for a first query (docs/search.md).
// Until then the options are 全部 and the chosen value, without counts.
let filtersLoaded = null; // the loading, once started
let filtersReady = false;

// A term as a phrase of title characters: 陈志刚家庭 -> "陈 志 刚 家 庭" (the characters
// at consecutive positions); null for a term without two neighbouring Han characters
// (its word search says it all).
function phraseQuery(term) {
  const parted = term.replace(BETWEEN_HAN, " ");
  return parted === term ? null : `"${parted}"`;
}

const ids = (search) => new Set(search.results.map((result) => result.id));

// What the site finds for a query (docs/search.md, "How Chinese matches"): the pages
// where every term is found, either as Pagefind's words (the body as its indexer
// segmented it, the query as the browser's Intl.Segmenter does) or as a run of
// characters of the title. Pages whose title holds every term come first (ranked by
// a search of all the characters: a title match weighs most), then the word matches
// in Pagefind's order. When no page has every term, the pages holding all the
// characters anywhere. Returns { results, filters } like a Pagefind search.
async function find(query, filters) {
  const options = { filters };
  const terms = query.trim().replace(/^"(.*)"$/, "$1").split(/\s+/).filter(Boolean);
  if (terms.length === 0) return pagefind.search(null, options);
  const search = (words) => (words === null ? null : pagefind.search(words, options));
  const loose = terms.map((term) => term.replace(BETWEEN_HAN, " ")).join(" ");
  const [native, ranked, ...perTerm] = await Promise.all([
    search(terms.join(" ")), search(loose),
    ...terms.flatMap((term) => [terms.length > 1 ? search(term) : null, search(phraseQuery(term))]),
  ]);
  const words = [], titles = [];
  for (let i = 0; i < terms.length; i += 1) {
    words.push(perTerm[2 * i] || native);
    titles.push(perTerm[2 * i + 1]);
  }
  // a term is found on a page by its words or as a run of title characters
  const found = terms.map((term, i) => new Set([...ids(words[i]), ...(titles[i] ? ids(titles[i]) : [])]));
  const every = (id) => found.every((pages) => pages.has(id));
  const handles = new Map();
  for (const one of [native, ranked, ...perTerm]) {
    for (const result of one?.results || []) if (!handles.has(result.id)) handles.set(result.id, result);
  }
  const inTitles = titles.filter(Boolean).map(ids);
  const order = [];
  if (inTitles.length > 0) {
    for (const result of ranked.results) {
      if (every(result.id) && inTitles.every((pages) => pages.has(result.id))) order.push(result.id);
    }
  }
  for (const one of [native, ...words, ...titles]) {
    for (const result of one?.results || []) if (every(result.id)) order.push(result.id);
  }
  const results = [...new Set(order)].map((id) => handles.get(id));
  if (results.length === 0) return ranked;
  return { results, filters: await counts(terms, words, titles) };
}

// Filter counts of find's results. One term: the word search's counts, plus the
// pages only its title search found (their fragments tell their filter values; up
// to a page of them, else the larger of the two counts: a lower bound). Several
// terms: per value, the smallest count among the terms (an upper bound).
async function counts(terms, words, titles) {
  const per = await Promise.all(terms.map((term, i) => termCounts(words[i], titles[i])));
  if (per.length === 1) return per[0];
  const merged = {};
  for (const [name, values] of Object.entries(per[0])) {
    merged[name] = {};
    for (const value of Object.keys(values)) {
      merged[name][value] = Math.min(...per.map((one) => one[name]?.[value] ?? 0));
    }
  }
  return merged;
}

async function termCounts(words, title) {
  if (!title) return words.filters;
  const byWords = ids(words);
  const extra = title.results.filter((result) => !byWords.has(result.id));
  if (extra.length === 0) return words.filters;
  const result = {};
  for (const name of new Set([...Object.keys(words.filters), ...Object.keys(title.filters)])) {
    result[name] = {};
    for (const value of new Set([...Object.keys(words.filters[name] || {}),
                                 ...Object.keys(title.filters[name] || {})])) {
      result[name][value] = Math.max(words.filters[name]?.[value] ?? 0, title.filters[name]?.[value] ?? 0);
    }
  }
  if (extra.length > PAGE_SIZE) return result;
  const data = await Promise.all(extra.map((one) => one.data()));
  for (const [name, values] of Object.entries(result)) {
    for (const value of Object.keys(values)) {
      values[value] = (words.filters[name]?.[value] ?? 0)
        + data.filter((page) => (page.filters[name] || []).includes(value)).length;
    }
  }
  return result;
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
    showFilterOptions(filtersReady ? await pagefind.filters() : {});
    return;
  }
  status.textContent = text.textLoading;
  if (!immediately) {
    await new Promise((resolve) => setTimeout(resolve, TYPING_PAUSE_MS));
    if (number !== latest) return; // the reader typed on
  }
  const counting = filtersReady; // the search's counts are complete
  const search = await find(query, filters);
  if (number !== latest) return; // a newer search took over
  clearResults();
  shown = search.results.slice();
  if (counting) showFilterOptions(query ? search.filters : await pagefind.filters());
  else if (filtersReady) await recount(number);
  else showFilterOptions({});
  await showMore();
  if (number !== latest) return;
  const n = search.results.length;
  if (n === 0) status.textContent = text.textNone;
  else status.textContent = fill(query ? text.textCountQuery : text.textCount, { q: query, n });
}

// Load the filter files once, then count the options of the search shown.
function loadFilters() {
  if (!filtersLoaded) {
    filtersLoaded = pagefind.filters().then(() => {
      filtersReady = true;
      return recount(latest);
    });
  }
  return filtersLoaded;
}

async function recount(number) {
  const query = input.value.trim();
  const counts = query ? (await find(query, chosenFilters())).filters : await pagefind.filters();
  if (number === latest) showFilterOptions(counts);
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
    // The excerpt is counted in indexed words (dictionary words of the body).
    await pagefind.options({ excerptLength: 60, noWorker: true });
    if (Object.keys(chosenFilters()).length > 0) await loadFilters();
    // The site's search, for the tests (tests/test_search_browser.py) and the console.
    window.xcfl = { find, loadFilters };
    await run({ immediately: true });
  } catch (error) {
    failed(error);
    return;
  }
  input.addEventListener("input", () => run().catch(failed));
  // Before a select opens: the pointer on the filters, or focus (keyboard, touch).
  const filterBox = selects[0].closest("fieldset");
  for (const event of ["pointerover", "focusin"]) {
    filterBox.addEventListener(event, () => loadFilters().catch(failed), { once: true });
  }
  for (const select of selects) {
    select.addEventListener("change", () => loadFilters().then(() => run({ immediately: true })).catch(failed));
  }
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    run({ immediately: true }).catch(failed);
  });
  more.addEventListener("click", () => showMore().catch(failed));
}

start();
