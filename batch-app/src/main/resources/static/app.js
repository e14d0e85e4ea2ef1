'use strict';
// The dashboard: a page over the REST API (/api), refreshed by short polling. No framework and no
// build step: the jar serves these files as they are. Every text from the server goes into the
// page as text (never as HTML), since records and reasons come from users' files.

const REFRESH_MILLIS = 1000;
const JOB_STATUSES = ['STARTING', 'STARTED', 'STOPPING', 'STOPPED', 'COMPLETED', 'FAILED', 'ABANDONED', 'UNKNOWN'];
// A job shown INTERRUPTED (its process gone) is STARTED in the repository: the filter finds it there.
const TASK_STATES = ['QUEUED', 'RUNNING', 'SUCCEEDED', 'FAILED', 'CANCELLED'];

const view = document.getElementById('view');
let route = 0; // bumped on every navigation: refreshes of a view left behind stop
let refreshTimer = null;

// ---- DOM and formatting helpers ----

/** An element with attributes (on* as listeners) and children (strings become text nodes). */
function h(tag, attributes, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes || {})) {
    if (value === null || value === undefined || value === false) continue;
    if (name.startsWith('on')) element.addEventListener(name.slice(2), value);
    else if (name === 'className') element.className = value;
    else element.setAttribute(name, value === true ? '' : value);
  }
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue;
    element.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return element;
}

const number = value => value === null || value === undefined ? '–' : Number(value).toLocaleString('en-US');
const percent = value => `${(Math.floor(value * 10) / 10).toFixed(1)} %`;
const rate = value => value > 0 ? `${number(Math.round(value))}/s` : '–';
const time = value => value ? new Date(value).toLocaleString('en-GB', { hour12: false }) : '–';

function duration(seconds) {
  if (seconds === null || seconds === undefined) return '–';
  if (seconds < 60) return `${seconds.toFixed(seconds < 10 ? 1 : 0)} s`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return `${minutes} min ${Math.round(seconds % 60)} s`;
  return `${Math.floor(minutes / 60)} h ${minutes % 60} min`;
}

const status = value => h('span', { className: `status ${value}` }, value);

function progressBar(done, total, percentDone, state) {
  const shown = Math.min(100, Math.max(0, percentDone));
  return h('div', { className: `progress ${state}`, role: 'progressbar', 'aria-valuemin': 0, 'aria-valuemax': 100,
      'aria-valuenow': shown.toFixed(1), title: `${number(done)} of ${number(total)} records` },
    h('div', { className: 'bar', style: `width: ${shown}%` }),
    h('span', { className: 'label' }, `${percent(shown)} · ${number(done)} / ${number(total)}`));
}

function table(headers, rows, emptyText) {
  const head = h('tr', null, headers.map(([title, className]) => h('th', { className }, title)));
  const body = rows.length ? rows : [h('tr', null, h('td', { colspan: headers.length, className: 'muted' }, emptyText))];
  return h('div', { className: 'table-wrap' }, h('table', null, h('thead', null, head), h('tbody', null, body)));
}

function showMessage(text, isError) {
  const box = document.getElementById('message');
  box.textContent = text;
  box.className = isError ? 'message error' : 'message';
  box.hidden = false;
  clearTimeout(showMessage.timer);
  showMessage.timer = setTimeout(() => { box.hidden = true; }, isError ? 8000 : 4000);
}

// ---- the API ----

/** Calls the API; a problem answer becomes an Error carrying its detail. Asks for the token on 401. */
async function api(path, options = {}) {
  const headers = { Accept: 'application/json', ...(options.body ? { 'Content-Type': 'application/json' } : {}) };
  const token = sessionStorage.getItem('prediction-batch-token');
  if (token) headers.Authorization = `Bearer ${token}`;
  const response = await fetch(path, { ...options, headers });
  const text = await response.text();
  const body = text ? JSON.parse(text) : null;
  if (response.status === 401) {
    const entered = prompt('This server asks for its token (prediction.server.token):');
    if (entered) {
      sessionStorage.setItem('prediction-batch-token', entered.trim());
      return api(path, options);
    }
  }
  if (!response.ok) {
    const error = new Error(body && body.detail ? body.detail : `${response.status} ${response.statusText}`);
    error.problem = body;
    error.status = response.status;
    throw error;
  }
  return body;
}

// ---- routing and live refresh ----

const routes = [
  [/^#\/jobs\/(\d+)\/rejects$/, match => rejectsView(match[1])],
  [/^#\/jobs\/(\d+)$/, match => jobView(match[1])],
  [/^#\/tasks\/([0-9a-f-]+)$/, match => taskView(match[1])],
  [/^#\/tasks$/, () => tasksView()],
  [/^#\/models\/(.+)$/, match => modelView(decodeURIComponent(match[1]))],
  [/^#\/models$/, () => modelsView()],
  [/^#\/jobs$/, () => jobsView()],
];

function navigate() {
  route++;
  clearTimeout(refreshTimer);
  const hash = location.hash || '#/jobs';
  const section = hash.split('/')[1];
  document.querySelectorAll('header nav a').forEach(link => link.classList.toggle('active', link.dataset.view === section));
  view.replaceChildren();
  for (const [pattern, show] of routes) {
    const match = hash.match(pattern);
    if (match) {
      show(match);
      return;
    }
  }
  location.hash = '#/jobs';
}

/** Runs refresh now and every second while the view is shown; marks the header when it fails. */
function live(refresh) {
  const mine = route;
  const tick = async () => {
    if (mine !== route) return;
    try {
      await refresh();
      document.getElementById('live').classList.remove('stale');
    } catch (error) {
      document.getElementById('live').classList.add('stale');
      document.getElementById('live').title = `Refresh failed: ${error.message}`;
    }
    if (mine === route) refreshTimer = setTimeout(tick, REFRESH_MILLIS);
  };
  tick();
}

// ---- jobs ----

function jobsView() {
  const statusFilter = h('select', { name: 'status', 'aria-label': 'Status' },
    h('option', { value: '' }, 'All statuses'), JOB_STATUSES.map(value => h('option', { value }, value)));
  const modelFilter = h('select', { name: 'model', 'aria-label': 'Model' }, h('option', { value: '' }, 'All models'));
  const body = h('div');
  api('/api/models').then(models => models.forEach(model =>
    modelFilter.append(h('option', { value: model.name }, model.name)))).catch(() => {});
  view.append(
    h('h1', null, 'Jobs'),
    launchForm(),
    h('div', { className: 'toolbar' },
      h('label', null, 'Status', statusFilter), h('label', null, 'Model', modelFilter)),
    body);
  const refresh = async () => {
    const query = new URLSearchParams({ limit: 100 });
    if (statusFilter.value) query.set('status', statusFilter.value);
    if (modelFilter.value) query.set('model', modelFilter.value);
    const jobs = await api(`/api/jobs?${query}`);
    body.replaceChildren(table(
      [['Job'], ['Model', 'hide-narrow'], ['Input', 'hide-narrow'], ['Status'], ['Progress'], ['Records/s', 'num'], ['ETA', 'num'],
        ['Duration', 'num hide-narrow'], ['Rejected', 'num hide-narrow'], ['Started', 'hide-narrow']],
      jobs.map(job => h('tr', { className: 'clickable', 'data-job': job.id, onclick: () => { location.hash = `#/jobs/${job.id}`; } },
        h('td', null, h('a', { href: `#/jobs/${job.id}` }, `#${job.id}`)),
        h('td', { className: 'hide-narrow' }, job.model, job.modelVersion ? h('span', { className: 'muted' }, ` ${job.modelVersion}`) : null),
        h('td', { className: 'wrap hide-narrow mono' }, job.input),
        h('td', null, status(job.status)),
        h('td', null, progressBar(job.doneRecords, job.totalRecords, job.percentDone, job.status)),
        h('td', { className: 'num' }, rate(job.recordsPerSecond)),
        h('td', { className: 'num' }, job.etaSeconds === null ? '–' : duration(job.etaSeconds)),
        h('td', { className: 'num hide-narrow' }, duration(job.durationSeconds)),
        h('td', { className: 'num hide-narrow' }, number(job.rejectedRecords)),
        h('td', { className: 'hide-narrow' }, time(job.startTime)))),
      'No jobs yet: launch one above, or with `prediction-batch predict`.'));
  };
  statusFilter.addEventListener('change', refresh);
  modelFilter.addEventListener('change', refresh);
  live(refresh);
}

/** A form that launches a job through POST /api/jobs; paths are on the server, under its data directories. */
function launchForm() {
  const field = (name, label, placeholder) => h('label', null, label, h('input', { name, placeholder }));
  const form = h('form', { className: 'toolbar', id: 'launch' },
    field('model', 'Model', 'iris_model'), field('input', 'Input file', 'sample-data/iris.csv'),
    field('output', 'Output file', 'predictions.csv'), field('key', 'Key column', 'id'),
    field('partitions', 'Partitions', 'default'), field('chunkSize', 'Chunk size', '5000'),
    h('button', { type: 'submit' }, 'Launch job'));
  form.addEventListener('submit', async event => {
    event.preventDefault();
    const values = Object.fromEntries(new FormData(form));
    const request = Object.fromEntries(Object.entries(values).filter(([, value]) => value.trim() !== '')
      .map(([name, value]) => [name, ['partitions', 'chunkSize'].includes(name) ? Number(value) : value.trim()]));
    try {
      const job = await api('/api/jobs', { method: 'POST', body: JSON.stringify(request) });
      showMessage(`Job ${job.id} launched`);
      location.hash = `#/jobs/${job.id}`;
    } catch (error) {
      showMessage(error.message, true);
    }
  });
  return h('details', { className: 'panel' }, h('summary', null, 'Launch a job'), form);
}

function jobView(id) {
  const title = h('h1', null, `Job #${id}`);
  const actions = h('span');
  title.append(actions);
  const facts = h('div', { className: 'panel' });
  const partitions = h('div');
  const rejects = h('div');
  view.append(h('p', null, h('a', { href: '#/jobs' }, '← All jobs')), title, facts,
    h('h2', null, 'Partitions'), partitions, h('h2', null, 'Rejected records'), rejects);
  let shownActions = '';
  const refresh = async () => {
    const detail = await api(`/api/jobs/${id}`);
    const job = detail.job;
    const running = ['STARTING', 'STARTED'].includes(job.status);
    const restartable = ['FAILED', 'STOPPED', 'INTERRUPTED'].includes(job.status);
    const actionsKey = `${running}/${restartable}/${job.status}`;
    if (actionsKey !== shownActions) { // rebuilt only on a change, so a click is never lost to a refresh
      shownActions = actionsKey;
      actions.replaceChildren(...[status(job.status),
        running ? h('button', { className: 'danger', id: 'stop', onclick: () => control(id, 'stop') }, 'Stop') : null,
        restartable ? h('button', { id: 'restart', onclick: () => control(id, 'restart') }, 'Restart') : null]
        .filter(Boolean));
    }
    facts.replaceChildren(
      progressBar(job.doneRecords, job.totalRecords, job.percentDone, job.status),
      h('dl', { className: 'facts', style: 'margin-top: 12px' },
        h('dt', null, 'Model'), h('dd', null, job.modelVersion ? `${job.model} ${job.modelVersion}` : job.model),
        h('dt', null, 'Input'), h('dd', { className: 'mono' }, job.input),
        h('dt', null, 'Output'), h('dd', { className: 'mono' }, job.output),
        h('dt', null, 'Records'), h('dd', null,
          `${number(job.doneRecords)} of ${number(job.totalRecords)} done · ${number(job.writtenRecords)} written · ${number(job.rejectedRecords)} rejected`),
        h('dt', null, 'Speed'), h('dd', null, `${rate(job.recordsPerSecond)}${job.etaSeconds === null ? '' : ` · ${duration(job.etaSeconds)} left`}`),
        h('dt', null, 'Run'), h('dd', null,
          `started ${time(job.startTime)} · ${duration(job.durationSeconds)} · run ${job.executions} time(s) · ${job.partitions} partition(s)`),
        detail.failureReason ? [h('dt', null, 'Reason'), h('dd', { className: 'reason' }, detail.failureReason)] : null));
    partitions.replaceChildren(table(
      [['Partition'], ['Status'], ['Progress'], ['First line', 'num hide-narrow'], ['Written', 'num'], ['Rejected', 'num'],
        ['Ran on', 'hide-narrow'], ['Runs', 'num hide-narrow']],
      detail.partitions.map(partition => h('tr', null,
        h('td', { className: 'mono', title: partition.name }, partition.name.replace(/^.*:/, '')),
        h('td', null, status(partition.status)),
        h('td', null, progressBar(partition.done, partition.records, partition.percentDone, partition.status)),
        h('td', { className: 'num hide-narrow' }, number(partition.firstLine)),
        h('td', { className: 'num' }, number(partition.written)),
        h('td', { className: 'num' }, number(partition.rejected)),
        h('td', { className: 'mono hide-narrow' }, partition.ranOn || '–'),
        h('td', { className: 'num hide-narrow' }, partition.runs))),
      'The input is being split into partitions.'));
    rejects.replaceChildren(rejectsTable(detail.firstRejects),
      job.rejectedRecords > detail.firstRejects.length
        ? h('p', null, h('a', { href: `#/jobs/${id}/rejects` }, `All ${number(job.rejectedRecords)} rejected records →`)) : null);
  };
  live(refresh);
}

async function control(id, action) {
  const question = action === 'stop'
    ? `Stop job ${id}? Each partition ends at its next chunk boundary; nothing is lost, and Restart finishes it.`
    : `Restart job ${id} from its last committed chunk?`;
  if (!confirm(question)) return;
  try {
    await api(`/api/jobs/${id}/${action}`, { method: 'POST' });
    showMessage(action === 'stop' ? `Job ${id} is stopping` : `Job ${id} restarted`);
  } catch (error) {
    showMessage(error.message, true);
  }
}

function rejectsTable(records) {
  return table([['Line', 'num'], ['Reason'], ['Record']],
    records.map(record => h('tr', null,
      h('td', { className: 'num' }, number(record.line)),
      h('td', { className: 'wrap' }, record.reason),
      h('td', { className: 'wrap mono' }, record.record))),
    'No rejected records.');
}

function rejectsView(id) {
  const pageSize = 100;
  let offset = 0;
  const body = h('div');
  const previous = h('button', { className: 'secondary', onclick: () => { offset = Math.max(0, offset - pageSize); show(); } }, '← Previous');
  const next = h('button', { className: 'secondary', onclick: () => { offset += pageSize; show(); } }, 'Next →');
  const where = h('span', { className: 'muted' });
  view.append(h('p', null, h('a', { href: `#/jobs/${id}` }, `← Job #${id}`)), h('h1', null, `Rejected records of job #${id}`),
    h('div', { className: 'toolbar' }, previous, next, where), body);
  const show = async () => {
    try {
      const records = await api(`/api/jobs/${id}/rejects?offset=${offset}&limit=${pageSize}`);
      body.replaceChildren(rejectsTable(records));
      where.textContent = records.length ? `records ${number(offset + 1)}–${number(offset + records.length)}` : '';
      previous.disabled = offset === 0;
      next.disabled = records.length < pageSize;
    } catch (error) {
      showMessage(error.message, true);
    }
  };
  show();
}

// ---- tasks ----

function tasksView() {
  const stateFilter = h('select', { name: 'state', 'aria-label': 'State' },
    h('option', { value: '' }, 'All states'), TASK_STATES.map(value => h('option', { value }, value)));
  const modelFilter = h('select', { name: 'model', 'aria-label': 'Model' }, h('option', { value: '' }, 'All models'));
  api('/api/models').then(models => models.forEach(model =>
    modelFilter.append(h('option', { value: model.name }, model.name)))).catch(() => {});
  const summary = h('div', { className: 'cards' });
  const latest = h('div');
  view.append(h('h1', null, 'Tasks'), summary,
    h('h2', null, 'Latest tasks'),
    h('div', { className: 'toolbar' }, h('label', null, 'State', stateFilter), h('label', null, 'Model', modelFilter)),
    latest);
  const refresh = async () => {
    const query = new URLSearchParams({ limit: 100 });
    if (stateFilter.value) query.set('state', stateFilter.value);
    if (modelFilter.value) query.set('model', modelFilter.value);
    const [counts, tasks] = await Promise.all([api('/api/tasks/summary'), api(`/api/tasks?${query}`)]);
    summary.replaceChildren(...(counts.length ? counts.map(row => h('div', { className: 'card' },
      h('div', { className: 'caption' }, row.model), h('div', { className: 'figure' }, number(row.tasks)),
      h('div', null, status(row.state),
        row.averageLatencyMillis === null ? '' : h('span', { className: 'muted' }, ` mean round trip ${row.averageLatencyMillis.toFixed(1)} ms`))))
      : [h('p', { className: 'muted' }, 'No tasks yet: POST a record to /api/models/{model}/tasks, or use `prediction-batch task submit`.')]));
    latest.replaceChildren(table(
      [['Task'], ['Model'], ['State'], ['Round trip', 'num'], ['Submitted', 'hide-narrow'], ['Attempts', 'num hide-narrow'], ['Worker', 'hide-narrow']],
      tasks.map(task => h('tr', { className: 'clickable', onclick: () => { location.hash = `#/tasks/${task.id}`; } },
        h('td', { className: 'mono' }, h('a', { href: `#/tasks/${task.id}` }, task.id.slice(0, 8))),
        h('td', null, task.model),
        h('td', null, status(task.state)),
        h('td', { className: 'num' }, roundTrip(task)),
        h('td', { className: 'hide-narrow' }, time(task.submittedAt)),
        h('td', { className: 'num hide-narrow' }, task.attempts),
        h('td', { className: 'mono hide-narrow' }, task.worker || '–'))),
      'No tasks match.'));
  };
  stateFilter.addEventListener('change', refresh);
  modelFilter.addEventListener('change', refresh);
  live(refresh);
}

const roundTrip = task => task.latencyMillis === null ? '–' : `${number(task.latencyMillis)} ms`;

function taskView(id) {
  const body = h('div');
  view.append(h('p', null, h('a', { href: '#/tasks' }, '← All tasks')), h('h1', null, 'Task'), body);
  const refresh = async () => {
    const task = await api(`/api/tasks/${id}`);
    body.replaceChildren(
      h('div', { className: 'panel' }, h('dl', { className: 'facts' },
        h('dt', null, 'Id'), h('dd', { className: 'mono' }, task.id),
        h('dt', null, 'State'), h('dd', null, status(task.state)),
        h('dt', null, 'Model'), h('dd', null, `${task.model} ${task.modelVersion}`),
        h('dt', null, 'Submitted'), h('dd', null, time(task.submittedAt)),
        h('dt', null, 'Round trip'), h('dd', null, roundTrip(task)),
        h('dt', null, 'Attempts'), h('dd', null, `${task.attempts}${task.worker ? ` · last on ${task.worker}` : ''}`))),
      h('div', { className: 'two' },
        h('div', { className: 'panel' }, h('h2', { style: 'margin-top: 0' }, 'Input'), h('pre', null, JSON.stringify(task.input, null, 2))),
        h('div', { className: 'panel' }, h('h2', { style: 'margin-top: 0' }, task.error ? 'Error' : 'Result'),
          task.error ? errorBlock(task.error.message, task.error.violations)
            : h('pre', null, task.result ? JSON.stringify(task.result, null, 2) : 'not yet'))));
    return task;
  };
  live(refresh);
}

function errorBlock(message, violations) {
  return h('div', null, h('p', { className: 'reason' }, message),
    violations && violations.length ? table([['Field'], ['Value'], ['Why']], violations.map(violation => h('tr', null,
      h('td', { className: 'mono' }, violation.field), h('td', { className: 'mono' }, JSON.stringify(violation.value)),
      h('td', { className: 'wrap' }, violation.reason))), '') : null);
}

// ---- models ----

async function modelsView() {
  const body = h('div');
  view.append(h('h1', null, 'Models'), body);
  try {
    const models = await api('/api/models');
    body.replaceChildren(table([['Model'], ['Version'], ['Description', 'hide-narrow'], ['Input fields']],
      models.map(model => h('tr', { className: 'clickable', onclick: () => { location.hash = `#/models/${encodeURIComponent(model.name)}`; } },
        h('td', null, h('a', { href: `#/models/${encodeURIComponent(model.name)}` }, model.name)),
        h('td', null, model.version),
        h('td', { className: 'wrap hide-narrow' }, model.description),
        h('td', { className: 'wrap mono' }, Object.keys(model.inputSchema.properties || {}).join(', ')))),
      'No models are hosted.'));
  } catch (error) {
    showMessage(error.message, true);
  }
}

async function modelView(name) {
  const model = await api(`/api/models/${encodeURIComponent(name)}`).catch(error => { showMessage(error.message, true); });
  if (!model) return;
  const record = h('textarea', { id: 'record', 'aria-label': 'Record (JSON)' }, JSON.stringify(example(model.inputSchema), null, 2));
  const answer = h('div', { id: 'answer' });
  const tryIt = h('form', null, record, h('p', null, h('button', { type: 'submit' }, 'Predict')), answer);
  tryIt.addEventListener('submit', async event => {
    event.preventDefault();
    let body;
    try {
      body = JSON.stringify(JSON.parse(record.value));
    } catch (error) {
      answer.replaceChildren(h('p', { className: 'reason' }, `Not JSON: ${error.message}`));
      return;
    }
    try {
      const prediction = await api(`/api/models/${encodeURIComponent(name)}/predict`, { method: 'POST', body });
      answer.replaceChildren(h('h2', null, 'Prediction'), h('pre', { id: 'prediction' }, JSON.stringify(prediction, null, 2)));
    } catch (error) {
      answer.replaceChildren(h('h2', null, 'Refused'), errorBlock(error.message, error.problem && error.problem.violations));
    }
  });
  view.append(h('p', null, h('a', { href: '#/models' }, '← All models')),
    h('h1', null, `${model.displayName || model.name}`, h('span', { className: 'muted' }, `${model.name} ${model.version}`)),
    h('div', { className: 'panel' }, h('p', { style: 'margin-top: 0' }, model.description)),
    h('div', { className: 'two' },
      h('div', { className: 'panel' }, h('h2', { style: 'margin-top: 0' }, 'Try one record'), tryIt),
      h('div', { className: 'panel' }, h('h2', { style: 'margin-top: 0' }, 'Input schema'), h('pre', null, JSON.stringify(model.inputSchema, null, 2)),
        h('h2', null, 'Output schema'), h('pre', null, JSON.stringify(model.outputSchema, null, 2)))));
}

/** A record to start from: each field's example, or its minimum, or a value of its type. */
function example(schema) {
  const record = {};
  for (const [field, property] of Object.entries(schema.properties || {})) {
    const type = Array.isArray(property.type) ? property.type.find(t => t !== 'null') : property.type;
    record[field] = property.examples ? property.examples[0]
      : property.minimum !== undefined ? property.minimum
        : type === 'number' || type === 'integer' ? 0 : type === 'boolean' ? false : '';
  }
  return record;
}

window.addEventListener('hashchange', navigate);
navigate();
