// The search page (/search/): reads the site's own index (plugins/xcfl_search,
// docs/search.md). Loaded on this page only, as a module: no inline script, no
// WebAssembly, nothing the site's CSP (default-src 'self') has to allow.
// Every word shown comes from theme/strings.yaml via the app's data- attributes.

const PAGE_SIZE = 10;
const TYPING_PAUSE_MS = 250;
const EXCERPT_BEFORE = 24; // characters of context before the first match
const EXCERPT_LENGTH = 90;

const app = document.getElementById("search-app");
const text = app.dataset;
const input = document.getElementById(text.input);
const form = input.form;
const selects = Array.from(app.querySelectorAll("select[data-filter]"));
const status = document.getElementById("search-status");
const list = document.getElementById("search-results");
const more = document.getElementById("search-more");

let meta = null;    // meta.json: version, page and bucket counts, filter values
let buckets = new Map(); // bucket number -> its loading (a Promise of its keys)
let pageFiles = new Map(); // p/<n>.json number -> its loading (a Promise of its pages)
let shown = [];     // result numbers of the current search, not yet displayed
let terms = [];     // the terms of the current search, for the excerpts
let latest = 0;     // number of the latest search, so a slow older one never wins

// --- The index (plugins/xcfl_search/keys.py and index.py cut and file it) ---

// A query's terms: its runs of letters and digits, NFKC-normalised and lower-cased.
const RUN = /[\p{L}\p{N}]+/gu;
const termsOf = (query) => query.normalize("NFKC").toLowerCase().match(RUN) || [];

// A term's keys: itself when one character, else its pairs of neighbouring characters.
function keysOf(term) {
  const characters = Array.from(term);
  if (characters.length === 1) return characters;
  return characters.slice(1).map((character, i) => characters[i] + character);
}

// FNV-1a over the key's code points, as keys.py bucket_of.
function bucketOf(key, count) {
  let value = 0x811c9dc5;
  for (const character of key) {
    value = Math.imul(value ^ character.codePointAt(0), 0x01000193) >>> 0;
  }
  return value % count;
}

class Outdated extends Error {}

async function fetchJson(path, fresh = false) {
  const response = await fetch(text.index + path, fresh ? { cache: "no-cache" } : {});
  if (!response.ok) throw new Error(`${path}: HTTP ${response.status}`);
  const data = await response.json();
  // a file of a newer build than our meta.json: the site was published meanwhile
  if (meta && data.v !== meta.v) throw new Outdated(path);
  return data;
}

async function loadMeta(fresh = false) {
  meta = null;
  buckets = new Map();
  pageFiles = new Map();
  meta = await fetchJson("meta.json", fresh);
}

// Once, after a newer build was published while the page was open: start again.
async function retryingOutdated(work) {
  try {
    return await work();
  } catch (error) {
    if (!(error instanceof Outdated)) throw error;
    await loadMeta(true);
    return work();
  }
}

// An index file, fetched once per meta.json: its `field` (a Promise).
function loaded(files, path, field) {
  if (!files.has(path)) {
    const loading = fetchJson(path).then((data) => data[field]);
    loading.catch(() => files.delete(path));
    files.set(path, loading);
  }
  return files.get(path);
}

const bucket = (number) => loaded(buckets, `b/${number}.json`, "k");

// Ascending page numbers from their differences.
function numbers(differences = []) {
  let previous = 0;
  return differences.map((difference) => (previous += difference));
}

// [pages holding the key, pages whose title holds it]
async function postings(key) {
  const entry = (await bucket(bucketOf(key, meta.buckets)))[key];
  return entry ? [numbers(entry[0]), numbers(entry[1])] : [[], []];
}

function intersect(lists) {
  if (lists.length === 0) return [];
  let common = new Set(lists[0]);
  for (const other of lists.slice(1)) {
    const next = new Set();
    for (const number of other) if (common.has(number)) next.add(number);
    common = next;
  }
  return [...common];
}

// Pages holding every key of the term, and those whose title does.
async function termPages(term, keys = keysOf(term)) {
  const found = await Promise.all(keys.map(postings));
  return [intersect(found.map((one) => one[0])), intersect(found.map((one) => one[1]))];
}

// { value: number of pages } of the filter called name, over the pages that pass.
function countsOf(pages, name, passes) {
  const counts = {};
  for (const page of pages) {
    if (!passes(page)) continue;
    const value = name === "类型" ? meta.types[meta.type[page]] : meta.streets[meta.street[page] - 1];
    if (value !== undefined) counts[value] = (counts[value] || 0) + 1;
  }
  return counts;
}

function matchesFilter(name, value) {
  if (name === "类型") {
    const wanted = meta.types.indexOf(value);
    return (page) => meta.type[page] === wanted;
  }
  const wanted = meta.streets.indexOf(value) + 1;
  return (page) => wanted > 0 && meta.street[page] === wanted;
}

// What the site finds (docs/search.md, "How a query matches"): the pages holding
// every term (every pair of neighbouring characters of it); when none does, the pages
// holding every character of the query anywhere. Pages whose title holds more of
// the terms first, then the newest. Returns { results: [page numbers], filters:
// { name: { value: count } } }, the counts of each filter under the other filter.
async function find(query, filters = {}) {
  return retryingOutdated(() => findNow(query, filters));
}

async function findNow(query, filters) {
  if (!meta) await loadMeta();
  const queryTerms = termsOf(query);
  let words = queryTerms; // what the excerpts mark
  let pages;
  const inTitle = new Map();
  if (queryTerms.length === 0) {
    pages = Array.from({ length: meta.pages }, (_, page) => page);
  } else {
    let found = await Promise.all(queryTerms.map((term) => termPages(term)));
    if (intersect(found.map((one) => one[0])).length === 0) {
      words = [...new Set(queryTerms.flatMap((term) => Array.from(term)))];
      found = await Promise.all(words.map((character) => termPages(character)));
    }
    pages = intersect(found.map((one) => one[0]));
    for (const [, titles] of found) {
      for (const page of titles) inTitle.set(page, (inTitle.get(page) || 0) + 1);
    }
  }
  const tests = Object.entries(filters).filter(([, value]) => value)
    .map(([name, value]) => [name, matchesFilter(name, value)]);
  const counts = {};
  for (const select of selects) {
    const name = select.dataset.filter;
    const others = tests.filter(([other]) => other !== name).map(([, test]) => test);
    counts[name] = countsOf(pages, name, (page) => others.every((test) => test(page)));
  }
  const results = pages.filter((page) => tests.every(([, test]) => test(page)));
  // Numbers go by date, pages without one (records, standing pages) first: among
  // pages whose title holds the terms those come first (陈志刚 finds 陈志刚家庭 before
  // the news that names it in a title), then the newest; among the others, the newest.
  const rank = (page) => {
    const hits = inTitle.get(page) || 0;
    return [hits, hits && page < meta.undated ? 1 : 0, page];
  };
  results.sort((a, b) => {
    const [x, y] = [rank(a), rank(b)];
    return y[0] - x[0] || y[1] - x[1] || y[2] - x[2];
  });
  return { results, filters: counts, terms: words };
}

// One page of the index: { url, title, type, street, date, text }. A file holds
// meta.perFile pages in a row.
function pageData(page) {
  return retryingOutdated(async () => {
    if (!meta) await loadMeta();
    const file = Math.floor(page / meta.perFile);
    return (await loaded(pageFiles, `p/${file}.json`, "p"))[page % meta.perFile];
  });
}

// --- The page ---

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

// Options with counts of the current search (of the whole site when there is none).
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

// The stretch of text around the first match, as [text, matched] parts; every
// occurrence of a term in it is matched. Compared lower-cased, as the index does.
function excerptParts(content, words) {
  const lower = content.toLowerCase();
  const hits = words.map((word) => lower.indexOf(word)).filter((at) => at >= 0);
  const first = hits.length ? Math.min(...hits) : 0;
  const start = Math.max(0, first - EXCERPT_BEFORE);
  const end = Math.min(content.length, start + EXCERPT_LENGTH);
  const parts = [];
  let position = start;
  while (position < end) {
    let next = end, length = 0;
    for (const word of words) {
      const at = lower.indexOf(word, position);
      if (at >= 0 && at < next) [next, length] = [at, word.length];
    }
    if (next > position) parts.push([content.slice(position, next), false]);
    if (length) parts.push([content.slice(next, next + length), true]);
    position = next + length;
  }
  if (start > 0) parts.unshift(["…", false]);
  if (end < content.length) parts.push(["…", false]);
  return parts;
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
  link.textContent = data.title || data.url;
  heading.append(link);
  const type = document.createElement("p");
  type.className = "xc-result__type";
  type.textContent = data.type;
  const excerpt = document.createElement("p");
  excerpt.className = "xc-result__excerpt";
  // text nodes and <mark>s, never HTML
  for (const [words, matched] of excerptParts(data.text, terms)) {
    if (matched) {
      const mark = document.createElement("mark");
      mark.textContent = words;
      excerpt.append(mark);
    } else {
      excerpt.append(document.createTextNode(words));
    }
  }
  item.append(type, heading, excerpt);
  if (data.date) {
    const date = document.createElement("time");
    date.className = "xc-result__date";
    date.dateTime = data.date;
    date.textContent = formatDate(data.date);
    item.append(date);
  }
  return item;
}

async function showMore() {
  const batch = shown.splice(0, PAGE_SIZE);
  const data = await Promise.all(batch.map(pageData));
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
    showFilterOptions((await find("")).filters);
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
  terms = search.terms;
  showFilterOptions(search.filters);
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
  // The site's search, for the tests (tests/test_search_browser.py) and the console.
  window.xcfl = { find, pageData, termsOf, keysOf, bucketOf };
  try {
    await run({ immediately: true });
  } catch (error) {
    failed(error);
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
