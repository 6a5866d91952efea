// The planner tab (issue 18). Plain DOM and SVG, no chart library: see README, "Planner".
// Data comes from /api/planner/*; in Teams every call carries a Teams SSO token.

const params = new URLSearchParams(location.search);
const state = {
  strings: {},
  language: 'en',
  token: null,
  tab: 'capacity',
  capacity: null,
  timeline: null,
};
const $ = (id) => document.getElementById(id);
const SVG = 'http://www.w3.org/2000/svg';

function s(key, values = {}) {
  const template = state.strings[key] ?? key;
  return template.replace(/\{(\w+)\}/g, (whole, name) =>
    name in values ? String(values[name]) : whole,
  );
}

const status = (code) => state.statuses?.[code] ?? code;

function el(tag, attrs = {}, ...children) {
  const node = tag.startsWith('svg:')
    ? document.createElementNS(SVG, tag.slice(4))
    : document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === null || v === undefined || v === false) continue;
    if (k === 'text') node.textContent = v;
    else node.setAttribute(k, String(v));
  }
  for (const child of children) if (child) node.append(child);
  return node;
}

/** Teams: initialize, read the theme and locale, get an SSO token. Elsewhere: null. */
async function teamsContext() {
  // Outside an iframe this is a plain browser (local mode): the library is not even loaded.
  if (window.parent === window) return null;
  try {
    await new Promise((resolve, reject) => {
      const script = el('script', { src: '/planner/teams-js.js' });
      script.onload = resolve;
      script.onerror = reject;
      document.head.append(script);
    });
    const teams = window.microsoftTeams;
    await teams.app.initialize();
    const context = await teams.app.getContext();
    const token = await teams.authentication.getAuthToken();
    teams.app.registerOnThemeChangeHandler?.((theme) => setTheme(theme));
    if (params.get('config') === '1') {
      // A channel tab's configuration page: nothing to choose, the planner itself is the tab.
      teams.pages.config.registerOnSaveHandler((save) => {
        const url = `${location.origin}/planner`;
        teams.pages.config
          .setConfig({
            entityId: 'planner',
            contentUrl: url,
            websiteUrl: url,
            suggestedDisplayName: s('title'),
          })
          .then(
            () => save.notifySuccess(),
            (error) => save.notifyFailure(String(error)),
          );
      });
      teams.pages.config.setValidityState(true);
    }
    return { token, theme: context.app.theme, locale: context.app.locale };
  } catch {
    return null;
  }
}

function setTheme(theme) {
  const name = theme === 'dark' ? 'dark' : theme === 'contrast' ? 'contrast' : 'light';
  document.body.className = `theme-${name}`;
}

async function api(path, query = {}) {
  const url = new URL(path, location.origin);
  for (const [k, v] of Object.entries(query))
    if (v !== '' && v !== null && v !== undefined) url.searchParams.set(k, v);
  if (params.get('as')) url.searchParams.set('as', params.get('as'));
  const headers = state.token ? { authorization: `Bearer ${state.token}` } : {};
  const res = await fetch(url, { headers });
  if (!res.ok) throw new Error(`${res.status}`);
  return query.format === 'csv' ? res.blob() : res.json();
}

function filters() {
  return {
    fm: $('f-fm').value.trim(),
    workload: $('f-workload').value,
    from: $('f-from').value,
    weeks: $('f-weeks').value,
  };
}

function showError(show) {
  $('error').hidden = !show;
  $('error').textContent = show ? s('loadFailed') : '';
}

// --- Capacity ----------------------------------------------------------------------------------

function cellItems(row, week) {
  return state.capacity.workloads.filter(
    (w) => w.fmUpn === row.upn && w.date >= week.start && w.date <= week.end,
  );
}

const esc = (text) =>
  String(text).replace(
    /[&<>"']/g,
    (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[ch],
  );

/**
 * The heat map as one SVG string set with innerHTML: 13,000 cells (500 FMs × 26 weeks) are built
 * several times faster so than with one DOM call per node (bench/planner.ts). Every text is escaped.
 */
function renderCapacity(data) {
  state.capacity = data;
  state.capacityTableFor = null;
  const chart = $('capacity-chart');
  if (data.fms.length === 0) {
    chart.replaceChildren(el('p', { text: s('capacityEmpty') }));
    $('capacity-table').replaceChildren();
    return;
  }
  const label = 220;
  const cw = 44;
  const ch = 22;
  const head = 36;
  const width = label + cw * data.weeks.length;
  const height = head + ch * data.fms.length;
  const max = Math.max(1, data.maxCell);
  const busiest = esc(s('busiest'));
  const out = [
    `<svg xmlns="${SVG}" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="grid" class="heatmap"`,
    ` aria-label="${esc(s('tabCapacity'))}" aria-rowcount="${data.fms.length + 1}" aria-colcount="${data.weeks.length + 1}">`,
    '<defs><pattern id="hatch" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">',
    '<line x1="0" y1="0" x2="0" y2="6" class="hatch"/></pattern></defs>',
    `<g role="row"><text x="4" y="22" role="columnheader" class="th">${esc(s('fm'))}</text>`,
  ];
  data.weeks.forEach((w, i) => {
    const x = label + i * cw;
    if (w.busiest)
      out.push(`<rect x="${x}" y="2" width="${cw}" height="${head - 4}" class="busiest"/>`);
    out.push(
      `<text x="${x + cw / 2}" y="22" text-anchor="middle" role="columnheader" class="th" aria-label="${esc(w.week)}${w.busiest ? `, ${busiest}` : ''}">`,
      `<title>${esc(w.week)} (${w.start})${w.busiest ? ` — ${busiest}` : ''}</title>${esc(w.week.slice(-3))}</text>`,
    );
  });
  out.push('</g>');
  // The cell label is the template filled by hand: one regex per cell would be 13,000 of them.
  const template = s('cellLabel');
  const rowSvg = (fm, r) => {
    const y = head + r * ch;
    const who = fm.name ?? fm.upn;
    const labelFor = template.replace('{fm}', who);
    const row = [
      `<g role="row"><text x="4" y="${y + 15}" role="rowheader" class="rh">${esc(who)}</text>`,
    ];
    fm.weeks.forEach((cell, c) => {
      const x = label + c * cw;
      const level = cell.starts === 0 ? 0 : Math.ceil((cell.starts / max) * 4);
      const aria = labelFor
        .replace('{week}', cell.week)
        .replace('{count}', cell.starts)
        .replace('{estimates}', cell.estimates);
      row.push(
        `<rect x="${x + 1}" y="${y + 1}" width="${cw - 2}" height="${ch - 2}" rx="2" class="cell l${level}" role="gridcell"`,
        ` tabindex="${r === 0 && c === 0 ? 0 : -1}" data-r="${r}" data-c="${c}" aria-label="${esc(aria)}"/>`,
      );
      if (cell.estimates > 0)
        row.push(
          `<rect x="${x + 1}" y="${y + 1}" width="${cw - 2}" height="${ch - 2}" rx="2" fill="url(#hatch)" class="est" pointer-events="none" aria-hidden="true"/>`,
        );
      if (cell.starts > 0)
        row.push(
          `<text x="${x + cw / 2}" y="${y + 15}" text-anchor="middle" class="n l${level}" pointer-events="none" aria-hidden="true">${cell.starts}</text>`,
        );
    });
    row.push('</g>');
    return row.join('');
  };
  // The first screenful at once; the rest in batches on the next turns, so the page shows (and
  // answers) before 500 FMs are all built. The height is the full one from the start.
  const FIRST = 60;
  const BATCH = 500;
  const token = {};
  state.renderToken = token;
  out.push(data.fms.slice(0, FIRST).map(rowSvg).join(''), '</svg>');
  chart.innerHTML = out.join('');
  const svg = chart.firstElementChild;
  const more = (from) => {
    if (state.renderToken !== token || from >= data.fms.length) {
      if (state.renderToken === token) performance.mark('planner-complete');
      return;
    }
    const rows = data.fms.slice(from, from + BATCH).map((fm, i) => rowSvg(fm, from + i));
    const parsed = document.createElement('template');
    parsed.innerHTML = `<svg xmlns="${SVG}">${rows.join('')}</svg>`;
    svg.append(...parsed.content.firstElementChild.childNodes);
    setTimeout(() => more(from + BATCH), 0);
  };
  setTimeout(() => more(FIRST), 0);
  if (!$('capacity-table').hidden) renderCapacityTable();
}

/** The same figures as a table (for screen readers, and for whoever prefers to read); built when shown. */
function renderCapacityTable() {
  const data = state.capacity;
  if (!data || state.capacityTableFor === data) return;
  state.capacityTableFor = data;
  const est = esc(s('estimate'));
  const out = [
    `<table><caption>${esc(s('tabCapacity'))}</caption><thead><tr><th scope="col">${esc(s('fm'))}</th>`,
  ];
  for (const w of data.weeks)
    out.push(`<th scope="col">${esc(w.week)}${w.busiest ? ' *' : ''}</th>`);
  out.push(`<th scope="col">${esc(s('total'))}</th></tr></thead><tbody>`);
  for (const fm of data.fms) {
    out.push(`<tr><th scope="row">${esc(fm.name ?? fm.upn)}</th>`);
    for (const c of fm.weeks)
      out.push(`<td>${c.estimates ? `${c.starts} (${c.estimates} ${est})` : c.starts}</td>`);
    out.push(`<td>${fm.starts}</td></tr>`);
  }
  out.push('</tbody></table>');
  $('capacity-table').innerHTML = out.join('');
}

function openCell(r, c) {
  const row = state.capacity.fms[r];
  const week = state.capacity.weeks[c];
  if (!row || !week) return;
  const items = cellItems(row, week);
  $('cell-title').textContent = s('cellTitle', { fm: row.name ?? row.upn, week: week.week });
  const list = $('cell-list');
  list.replaceChildren(
    ...(items.length
      ? items.map((w) =>
          el('li', {
            text: `${w.date} · ${w.code} · ${w.customerName}${w.estimate ? ` (${s('estimate')})` : ''}`,
          }),
        )
      : [el('li', { text: s('noStarts') })]),
  );
  $('cell').hidden = false;
  $('cell-close').focus();
  state.lastCell = [r, c];
}

function focusCell(r, c) {
  const target = document.querySelector(`rect.cell[data-r="${r}"][data-c="${c}"]`);
  if (!target) return;
  for (const t of document.querySelectorAll('rect.cell[tabindex="0"]'))
    t.setAttribute('tabindex', '-1');
  target.setAttribute('tabindex', '0');
  target.focus();
}

$('capacity-chart').addEventListener('click', (event) => {
  const rect = event.target.closest?.('rect.cell');
  if (rect) openCell(Number(rect.dataset.r), Number(rect.dataset.c));
});
$('capacity-chart').addEventListener('keydown', (event) => {
  const rect = event.target.closest?.('rect.cell');
  if (!rect) return;
  const r = Number(rect.dataset.r);
  const c = Number(rect.dataset.c);
  const moves = { ArrowRight: [0, 1], ArrowLeft: [0, -1], ArrowDown: [1, 0], ArrowUp: [-1, 0] };
  if (moves[event.key]) {
    event.preventDefault();
    focusCell(r + moves[event.key][0], c + moves[event.key][1]);
  } else if (event.key === 'Enter' || event.key === ' ') {
    event.preventDefault();
    openCell(r, c);
  }
});
$('cell-close').addEventListener('click', () => {
  $('cell').hidden = true;
  if (state.lastCell) focusCell(...state.lastCell);
});
$('cell').addEventListener('keydown', (event) => {
  if (event.key === 'Escape') $('cell-close').click();
});

// --- Upcoming ----------------------------------------------------------------------------------

/** `recorded`: the rows are documented missing answers (R7), with what the FM recorded. */
function entryList(entries, empty, recorded = false) {
  if (!entries.length) return el('p', { text: empty });
  const table = el('table');
  const heads = [s('date'), s('customer'), s('workload'), s('fm'), ''];
  if (recorded) heads.push(s('recorded'));
  const hr = el('tr', {}, ...heads.map((h) => el('th', { scope: 'col', text: h })));
  const body = el('tbody');
  for (const e of entries) {
    const when =
      e.days === 0
        ? s('today')
        : e.days < 0
          ? s('daysAgo', { days: -e.days })
          : s('inDays', { days: e.days });
    body.append(
      el(
        'tr',
        {},
        el('td', { text: `${e.engagementStartDate}${e.estimate ? ` (${s('estimate')})` : ''}` }),
        el('td', { text: e.customerName }),
        el('td', { text: e.workloadCode }),
        el('td', { text: e.fmUpn ?? '' }),
        el('td', { text: when }),
        ...(recorded ? [el('td', { text: s(`recorded_${e.recorded}`) })] : []),
      ),
    );
  }
  table.append(el('thead', {}, hr), body);
  return table;
}

function renderUpcoming(data) {
  $('overdue').replaceChildren(entryList(data.overdue, s('noneOverdue')));
  // Passed dates whose missing answer the FM documented (R7): counted apart, not overdue.
  $('documented-title').textContent = s('documented', { count: data.documented.length });
  $('documented').replaceChildren(entryList(data.documented, s('noneDocumented'), true));
  $('upcoming').replaceChildren(entryList(data.upcoming, s('noneUpcoming')));
}

// --- Timeline ----------------------------------------------------------------------------------

const dayMs = 86_400_000;
const toDay = (iso) => Date.parse(`${iso}T00:00:00Z`) / dayMs;

/** A gap in words, saying what it is measured from (a Target Date, or start to start). */
function gapText(gap) {
  if (gap.measure === 'target_to_start') {
    return gap.days < 0
      ? s('gapOverlap', { days: -gap.days, target: gap.from })
      : s('gapFromTarget', { days: gap.days, target: gap.from });
  }
  return s(gap.approximate ? 'gapApprox' : 'gapStartToStart', { days: gap.days });
}

function renderTimeline(data) {
  state.timeline = data;
  const dated = data.workloads.filter((w) => w.engagementStartDate);
  const undated = data.workloads.filter((w) => !w.engagementStartDate);
  const chart = $('timeline-chart');
  chart.replaceChildren();
  if (dated.length) {
    const first = Math.min(...dated.map((w) => toDay(w.engagementStartDate)));
    const last = Math.max(...dated.map((w) => toDay(w.targetDate ?? w.engagementStartDate)));
    const span = Math.max(14, last - first + 14);
    const label = 120;
    const width = 960;
    const scale = (width - label - 20) / span;
    const rowH = 48;
    const height = 20 + rowH * dated.length;
    const svg = el('svg:svg', {
      width,
      height,
      viewBox: `0 0 ${width} ${height}`,
      role: 'img',
      'aria-label': `${s('tabTimeline')}: ${data.tenant.customerName}`,
      class: 'timeline',
    });
    dated.forEach((w, i) => {
      const y = 10 + i * rowH;
      const x = label + (toDay(w.engagementStartDate) - first) * scale;
      // No Target Date yet: a short bar marks the start (a full bar once the end is known).
      const end = w.targetDate ? label + (toDay(w.targetDate) - first) * scale : x + 10;
      svg.append(el('svg:text', { x: 4, y: y + 15, class: 'rh', text: w.code }));
      svg.append(
        el(
          'svg:rect',
          {
            x,
            y: y + 2,
            width: Math.max(10, end - x),
            height: 18,
            rx: 3,
            class: `bar ${w.estimate ? 'est-bar' : ''} ${w.l1Status}`,
          },
          el('svg:title', {
            text: `${w.code} ${w.engagementStartDate}${w.estimate ? ` (${s('estimate')})` : ''}${w.targetDate ? ` → ${w.targetDate}` : ''}`,
          }),
        ),
      );
      svg.append(
        el('svg:text', { x: x + 14, y: y + 15, class: 'lbl', text: w.engagementStartDate }),
      );
      if (w.gapToNext) {
        // From the Target Date where one is known (FAQ purpose 3), else from this start.
        const gx = label + (toDay(w.gapToNext.from) - first) * scale;
        const nx = label + (toDay(w.gapToNext.nextDate) - first) * scale;
        svg.append(el('svg:line', { x1: gx, y1: y + 26, x2: nx, y2: y + 26, class: 'gap' }));
        svg.append(
          el('svg:text', {
            x: Math.min(gx, nx) + 4,
            y: y + 40,
            class: 'gaplbl',
            text: gapText(w.gapToNext),
          }),
        );
      }
    });
    chart.append(svg);
  }
  const table = el(
    'table',
    {},
    el('caption', { text: `${s('tabTimeline')}: ${data.tenant.customerName}` }),
  );
  const hr = el(
    'tr',
    {},
    ...[s('workload'), s('date'), s('status'), s('deliveredBy'), ''].map((h) =>
      el('th', { scope: 'col', text: h }),
    ),
  );
  const body = el('tbody');
  for (const w of dated) {
    body.append(
      el(
        'tr',
        {},
        el('th', { scope: 'row', text: w.code }),
        el('td', { text: `${w.engagementStartDate}${w.estimate ? ` (${s('estimate')})` : ''}` }),
        el('td', { text: status(w.l1Status) }),
        el('td', { text: w.channel.fmUpn ?? w.channel.partnerName ?? '' }),
        el('td', {
          text: w.gapToNext ? gapText(w.gapToNext) : '',
        }),
      ),
    );
  }
  table.append(el('thead', {}, hr), body);
  $('timeline-table').replaceChildren(table);
  $('undated').replaceChildren(
    ...(undated.length
      ? undated.map((w) => el('li', { text: `${w.code} (${status(w.l1Status)})` }))
      : [el('li', { text: s('noUndated') })]),
  );
}

async function showTenants({ tenants }) {
  const select = $('tenant');
  select.replaceChildren(
    ...tenants.map((t) => el('option', { value: t.id, text: t.customerName })),
  );
  if (!tenants.length) {
    $('timeline-chart').replaceChildren(el('p', { text: s('noCustomers') }));
    return;
  }
  if (params.get('tenant')) select.value = params.get('tenant');
  await loadTimeline();
}

async function loadTimeline() {
  const id = $('tenant').value;
  if (id) renderTimeline(await api(`/api/planner/timeline/${encodeURIComponent(id)}`));
}

// --- Tabs, filters, CSV ------------------------------------------------------------------------

/** The current tab's data request (started before the strings arrive on first load). */
function fetchTab(tab) {
  const f = filters();
  if (tab === 'capacity') return api('/api/planner/capacity', f);
  if (tab === 'upcoming')
    return api('/api/planner/upcoming', { fm: f.fm, workload: f.workload, from: f.from });
  return api('/api/planner/tenants');
}

async function load(pending = fetchTab(state.tab)) {
  showError(false);
  try {
    const data = await pending;
    if (state.tab === 'capacity') renderCapacity(data);
    else if (state.tab === 'upcoming') renderUpcoming(data);
    else await showTenants(data);
    document.body.dataset.ready = state.tab;
    // The benchmark (bench/planner.ts) reads this: time from navigation to the first render.
    if (!performance.getEntriesByName('planner-ready').length) performance.mark('planner-ready');
  } catch {
    showError(true);
  }
}

function selectTab(name, focus = false, pending = undefined) {
  state.tab = name;
  for (const t of ['capacity', 'upcoming', 'timeline']) {
    const tab = $(`tab-${t}`);
    tab.setAttribute('aria-selected', String(t === name));
    tab.tabIndex = t === name ? 0 : -1;
    $(`panel-${t}`).hidden = t !== name;
    if (t === name && focus) tab.focus();
  }
  load(pending ?? fetchTab(name));
}

const tabs = ['capacity', 'upcoming', 'timeline'];
for (const t of tabs) {
  $(`tab-${t}`).addEventListener('click', () => selectTab(t));
  $(`tab-${t}`).addEventListener('keydown', (event) => {
    const i = tabs.indexOf(t);
    if (event.key === 'ArrowRight') selectTab(tabs[(i + 1) % 3], true);
    if (event.key === 'ArrowLeft') selectTab(tabs[(i + 2) % 3], true);
  });
}
$('filters').addEventListener('submit', (event) => {
  event.preventDefault();
  load();
});
$('tenant').addEventListener('change', () => loadTimeline().catch(() => showError(true)));
for (const button of document.querySelectorAll('button.toggle')) {
  button.addEventListener('click', () => {
    const view = button.dataset.view;
    const table = $(`${view}-table`);
    if (view === 'capacity' && table.hidden) renderCapacityTable();
    table.hidden = !table.hidden;
    $(`${view}-chart`).hidden = !table.hidden;
    button.textContent = s(table.hidden ? 'showTable' : 'showChart');
  });
}
$('csv').addEventListener('click', async () => {
  const f = filters();
  const [path, query, name] =
    state.tab === 'capacity'
      ? ['/api/planner/capacity', f, 'capacity']
      : state.tab === 'upcoming'
        ? ['/api/planner/upcoming', { fm: f.fm, workload: f.workload, from: f.from }, 'upcoming']
        : [`/api/planner/timeline/${encodeURIComponent($('tenant').value)}`, {}, 'timeline'];
  try {
    const blob = await api(path, { ...query, format: 'csv' });
    const link = el('a', { href: URL.createObjectURL(blob), download: `${name}.csv` });
    document.body.append(link);
    link.click();
    link.remove();
  } catch {
    showError(true);
  }
});

async function start() {
  const teams = await teamsContext();
  state.token = teams?.token ?? null;
  setTheme(
    params.get('theme') ??
      teams?.theme ??
      (matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light'),
  );
  for (const name of ['fm', 'from', 'weeks'])
    if (params.get(name)) $(`f-${name}`).value = params.get(name);
  const tab = ['capacity', 'upcoming', 'timeline'].includes(params.get('tab'))
    ? params.get('tab')
    : 'capacity';
  // Words, identity and the first tab's data at once: three requests, one round trip of waiting.
  const lang = params.get('lang') ?? teams?.locale ?? navigator.language;
  const wordsP = fetch(`/api/planner/strings?lang=${encodeURIComponent(lang)}`).then((r) =>
    r.json(),
  );
  const meP = api('/api/planner/me');
  const first = fetchTab(tab);
  first.catch(() => {});
  const words = await wordsP;
  state.strings = words.strings;
  state.statuses = words.statuses;
  state.language = words.language;
  document.documentElement.lang = words.language;
  document.title = s('title');
  for (const node of document.querySelectorAll('[data-s]')) node.textContent = s(node.dataset.s);
  for (const code of words.workloads)
    $('f-workload').append(el('option', { value: code, text: code }));
  try {
    const me = await meP;
    $('who').textContent = s('signedInAs', { name: me.name || me.upn });
  } catch {
    showError(true);
    return;
  }
  selectTab(tab, false, first);
}

start();
