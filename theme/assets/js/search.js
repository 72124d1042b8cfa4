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
const partialPart = document.getElementById("search-partial");
const partialList = document.getElementById("search-partial-results");

let meta = null;    // meta.json: version, page and bucket counts, filter values
let buckets = new Map(); // bucket number -> its loading (a Promise of its keys)
let pageFiles = new Map(); // p/<n>.json number -> its loading (a Promise of its pages)
let normalTexts = new Map(); // page number -> its normalised title and text (checkPages)
let shown = [];     // result numbers of the current search, not yet displayed
let current = null; // the current search (find), for checking what is shown
let shownTo = list; // the list showMore adds to: results, or partial matches
let terms = [];     // the terms of the current search, for the excerpts
let latest = 0;     // number of the latest search, so a slow older one never wins

// --- The index (plugins/xcfl_search/keys.py and index.py cut and file it) ---

// A query's terms: its runs of letters and digits, NFKC-normalised and lower-cased.
const RUN = /[\p{L}\p{N}]+/gu;
const termsOf = (query) => query.normalize("NFKC").toLowerCase().match(RUN) || [];

// The terms a reader means: a space between Chinese characters, one side of it a
// single character, parts nothing (陈 志刚 is 陈志刚); 巧娘 剪纸 stays two terms.
const HAN = /^\p{Script=Han}+$/u;
function queryTerms(query) {
  const normal = query.normalize("NFKC").toLowerCase();
  const terms = [];
  let end = -1;
  for (const match of normal.matchAll(RUN)) {
    const [run] = match;
    const last = terms[terms.length - 1];
    const spaceOnly = last !== undefined && /^\s+$/u.test(normal.slice(end, match.index));
    if (spaceOnly && HAN.test(last) && HAN.test(run) &&
        (Array.from(last).length === 1 || Array.from(run).length === 1)) {
      terms[terms.length - 1] = last + run;
    } else {
      terms.push(run);
    }
    end = match.index + run.length;
  }
  return terms.map(fold);
}

// A term's keys (keys.py term_keys): itself up to three characters, else its triples.
function keysOf(term) {
  const characters = Array.from(term);
  if (characters.length <= 3) return [term];
  return characters.slice(2).map((character, i) => characters[i] + characters[i + 1] + character);
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
  if (meta && "v" in data && data.v !== meta.v) throw new Outdated(path);
  return data;
}

async function loadMeta(fresh = false) {
  meta = null;
  buckets = new Map();
  pageFiles = new Map();
  normalTexts = new Map();
  meta = await fetchJson("meta.json", fresh);
}

// Traditional → simplified (OpenCC's table, in meta.foldFiles files f/<n>.json by
// code point % foldFiles): loaded only when a query finds nothing as typed (婦女), for
// its characters, or for the text of a page holding traditional characters.
const FOLD_FILES = 16; // fold.py FOLD_FILES, for loadFold before meta.json (the tests)
const folding = new Map(); // character -> character, of the files loaded
const foldFiles = new Map(); // file number -> its loading
function loadFold(words) {
  const count = meta?.foldFiles || FOLD_FILES;
  const wanted = words === undefined ? Array.from({ length: count }, (_, n) => n)
    : [...new Set(Array.from(words, (c) => c.codePointAt(0) % count))];
  return Promise.all(wanted.map((number) => {
    if (!foldFiles.has(number)) {
      const loading = fetchJson(`f/${number}.json`).then((table) => {
        const to = Array.from(table.to);
        Array.from(table.from).forEach((character, i) => folding.set(character, to[i]));
      });
      loading.catch(() => foldFiles.delete(number));
      foldFiles.set(number, loading);
    }
    return foldFiles.get(number);
  }));
}
const fold = (words) => (folding.size ? Array.from(words, (c) => folding.get(c) || c).join("") : words);

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

// The postings of a word's keys; [] when a page can hold them all no more. A long
// word's first and last keys come first: a word on no page (量子计算机, 巧娘剪纸工作室报名)
// most often has one of them on no page, or none together, and its other buckets are
// then never fetched.
async function keyPostings(keys) {
  if (keys.length <= 2) return Promise.all(keys.map(postings));
  const ends = await Promise.all([postings(keys[0]), postings(keys[keys.length - 1])]);
  if (intersect(ends.map((one) => one[0])).length === 0) return [];
  return [...ends, ...(await Promise.all(keys.slice(1, -1).map(postings)))];
}

// The words a term stands for: itself, and with a word of the synonym table
// (content/search-synonyms.txt) in it replaced by each other word of its line.
function alternativesOf(term) {
  const words = new Set([term]);
  for (const group of meta.synonyms || []) {
    for (const word of group) {
      if (!term.includes(word)) continue;
      for (const other of group) words.add(term.replaceAll(word, other));
    }
  }
  return [...words];
}

// A term's pages: { pages: Set, titles: Set, unsure: Set }. A word of up to three
// characters is a key: its pages hold it. A longer one's pages hold all its triples,
// and are `unsure` until their text is checked (checkPages).
async function termPages(term) {
  const found = { term, words: alternativesOf(term), pages: new Set(), titles: new Set(), unsure: new Set() };
  for (const word of found.words) {
    const lists = await keyPostings(keysOf(word));
    const sure = Array.from(word).length <= 3;
    for (const page of intersect(lists.map((one) => one[0]))) {
      if (sure) found.unsure.delete(page);
      else if (!found.pages.has(page)) found.unsure.add(page);
      found.pages.add(page);
    }
    for (const page of intersect(lists.map((one) => one[1]))) found.titles.add(page);
  }
  return found;
}

// A page's title and text as the index cut them (keys.py runs), joined by "\0".
async function normalText(page) {
  if (!normalTexts.has(page)) {
    const data = await pageData(page);
    if (data.f) await loadFold(data.title + data.text); // the page holds traditional characters
    const runs = (words) => fold(termsOf(words || "").join("\0"));
    normalTexts.set(page, runs(data.title) + "\0\0" + runs(data.text));
  }
  return normalTexts.get(page);
}

// The pages of `pages` that really hold every term they are unsure of.
async function checkPages(pages, found) {
  const kept = await Promise.all(pages.map(async (page) => {
    const doubtful = found.filter((term) => term.unsure.has(page));
    if (doubtful.length === 0) return true;
    const content = await normalText(page);
    for (const term of doubtful) {
      term.unsure.delete(page);
      if (!term.words.some((word) => content.includes(word))) term.pages.delete(page);
    }
    return found.every((term) => term.pages.has(page));
  }));
  return pages.filter((_, i) => kept[i]);
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

// Checked before counting when so few; more are checked as they are shown, at
// most CHECK_PER_SHOW a time: a long term whose triples are all on many pages apart
// (街道妇联执委会议: 330 pages at 10,000 articles, none holding it) then costs a
// few dozen page files before the reader is told, not hundreds.
const CHECK_BEFORE_COUNTING = 48;
const CHECK_PER_SHOW = 20;
const PARTIAL_LIMIT = 30; // partial matches: never more than a reader can use

// What the site finds (docs/search.md, "How a query matches"): the pages holding
// every term as written (or a synonym of it), pages whose title holds more of the
// terms first, then the newest. When none does: no results, and as `partial` the
// pages holding the most terms, or most of a long term's pairs. Returns { results,
// partial, unsure, filters: { name: { value: count } }, terms }: `unsure` results
// (long terms, many pages) are checked as they are shown (checkPages); the counts
// of each filter are under the other filter.
async function find(query, filters = {}) {
  return retryingOutdated(() => findNow(query, filters));
}

async function matching(terms) {
  const found = await Promise.all(terms.map(termPages));
  let pages = intersect(found.map((term) => [...term.pages]));
  const unsure = pages.filter((page) => found.some((term) => term.unsure.has(page)));
  if (unsure.length <= CHECK_BEFORE_COUNTING) {
    const wrong = new Set(unsure);
    for (const page of await checkPages(unsure, found)) wrong.delete(page);
    pages = pages.filter((page) => !wrong.has(page));
  }
  return { found, pages };
}

// Pages holding some of the terms (several terms), or most pairs of the one term:
// [page numbers, words to mark], the best first.
async function partialMatches(terms) {
  let parts = terms.filter((term) => Array.from(term).length > 1);
  if (parts.length === 1) {
    const characters = Array.from(parts[0]);
    if (characters.length < 3) return [[], []]; // a pair apart is no match
    parts = characters.slice(1).map((character, i) => characters[i] + character);
  }
  if (parts.length < 2) return [[], []];
  const needed = Math.ceil((parts.length * 2) / 3) || 1;
  const found = await Promise.all(parts.map(termPages));
  const score = new Map();
  for (const term of found) {
    for (const page of term.pages) score.set(page, (score.get(page) || 0) + 1 + (term.titles.has(page) ? 0.5 : 0));
  }
  const pages = [...score.keys()].filter((page) => found.filter((term) => term.pages.has(page)).length >= needed);
  pages.sort((a, b) => score.get(b) - score.get(a) || b - a);
  return [pages, parts];
}

async function findNow(query, filters) {
  if (!meta) await loadMeta();
  let terms = queryTerms(query);
  let words = terms; // what the excerpts mark
  let pages;
  let partial = [];
  let found = [];
  if (terms.length === 0) {
    pages = Array.from({ length: meta.pages }, (_, page) => page);
  } else {
    ({ found, pages } = await matching(terms));
    if (pages.length === 0) { // traditional characters typed?
      await loadFold(terms.join(""));
      const folded = queryTerms(query);
      if (folded.join("\0") !== terms.join("\0")) {
        terms = words = folded;
        ({ found, pages } = await matching(terms));
      }
    }
    words = [...new Set(found.flatMap((term) => term.words))];
    if (pages.length === 0) [partial, words] = await partialMatches(terms);
  }
  const tests = Object.entries(filters).filter(([, value]) => value)
    .map(([name, value]) => [name, matchesFilter(name, value)]);
  const counted = pages.length ? pages : partial;
  const counts = {};
  for (const select of selects) {
    const name = select.dataset.filter;
    const others = tests.filter(([other]) => other !== name).map(([, test]) => test);
    counts[name] = countsOf(counted, name, (page) => others.every((test) => test(page)));
  }
  const passes = (page) => tests.every(([, test]) => test(page));
  const results = pages.filter(passes);
  // Numbers go by date, pages without one (records, standing pages) first: among
  // pages whose title holds the terms those come first (陈志刚 finds 陈志刚家庭 before
  // the news that names it in a title), then the newest; among the others, the newest.
  const rank = (page) => {
    const hits = found.filter((term) => term.titles.has(page)).length;
    return [hits, hits && page < meta.undated ? 1 : 0, page];
  };
  results.sort((a, b) => {
    const [x, y] = [rank(a), rank(b)];
    return y[0] - x[0] || y[1] - x[1] || y[2] - x[2];
  });
  const unsure = results.filter((page) => found.some((term) => term.unsure.has(page))).length;
  return { results, unsure, found, partial: partial.filter(passes).slice(0, PARTIAL_LIMIT),
           filters: counts, terms: words };
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
  const lower = fold(content.toLowerCase()); // as long as content: fold.py keeps one unit for one
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
  if (shownTo === partialList) {
    item.classList.add("xc-result--partial");
    const label = document.createElement("p");
    label.className = "xc-result__partial";
    label.textContent = text.textPartialLabel;
    item.append(label);
  }
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
  const search = current;
  const items = [];
  let checks = 0;
  while (items.length < PAGE_SIZE && shown.length && checks < CHECK_PER_SHOW) {
    let batch = shown.splice(0, PAGE_SIZE - items.length);
    if (search.unsure && shownTo === list) {
      const checked = await checkPages(batch, search.found);
      checks += batch.length;
      search.checked += batch.length;
      search.count -= batch.length - checked.length; // held its triples apart only
      batch = checked;
    }
    const data = await Promise.all(batch.map(pageData));
    // to find the terms in the text of a page holding traditional characters
    await Promise.all(data.filter((one) => one.f).map((one) => loadFold(one.title + one.text)));
    items.push(...data.map(resultItem));
  }
  if (search !== current) return;
  shownTo.append(...items);
  more.hidden = shown.length === 0;
  // nothing shown yet, candidates left: continuing checks them, it shows no more
  more.textContent = shownTo.children.length ? text.textMore : text.textCheckMore;
  showCount(search);
}

function clearResults() {
  shown = [];
  list.replaceChildren();
  partialList.replaceChildren();
  partialPart.hidden = true;
  more.hidden = true;
}

// The count, or that nothing holds the query (then partial matches may follow).
function showCount(search) {
  const n = search.count;
  const query = search.query;
  if (n > 0 && list.children.length === 0 && shownTo === list && shown.length) {
    // checked CHECK_PER_SHOW candidates, none held the query: say so, not "约 N 条"
    status.textContent = fill(text.textNoneChecked, { q: query, checked: search.checked, n: shown.length });
  } else if (n > 0) {
    const unchecked = search.results.some((page) => search.found.some((term) => term.unsure.has(page)));
    const template = query ? (unchecked ? text.textCountAbout : text.textCountQuery) : text.textCount;
    status.textContent = fill(template, { q: query, n });
  } else if (query) {
    status.textContent = fill(search.partial.length ? text.textNonePartial : text.textNoneQuery, { q: query });
  } else {
    status.textContent = text.textNone;
  }
}

async function run({ immediately = false } = {}) {
  const number = ++latest;
  const query = input.value.trim();
  const filters = chosenFilters();
  writeAddress(query);
  if (!query && Object.keys(filters).length === 0) {
    current = null;
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
  current = { ...search, query, count: search.results.length, checked: 0 };
  const partial = search.results.length === 0 && search.partial.length > 0;
  shown = (partial ? search.partial : search.results).slice();
  shownTo = partial ? partialList : list;
  partialPart.hidden = !partial;
  terms = search.terms;
  showFilterOptions(search.filters);
  await showMore();
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
  window.xcfl = { find, pageData, termsOf, keysOf, bucketOf, fold, loadFold, queryTerms };
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
