'use strict';
// Drives the system chromium through the steps people take in HealthHub. One browser process; one
// context (own cookies, own session) per user. Reads one step per stdin line as JSON, answers one
// JSON line per step on stdout: {"ok":true,...} or {"ok":false,"error":"..."}. The Java test decides
// what to do next and checks the chain between steps.
//
// Environment: HEALTHHUB_BASE_URL (the app), HEALTHHUB_TOOLS_DIR (playwright-core), CHROMIUM (the
// executable), HEALTHHUB_SCREENSHOTS (folder for PNGs).
const path = require('node:path');
const readline = require('node:readline');
const { createRequire } = require('node:module');

const { chromium } = createRequire(path.join(process.env.HEALTHHUB_TOOLS_DIR, 'package.json'))('playwright-core');
const BASE_URL = process.env.HEALTHHUB_BASE_URL;
const SCREENSHOTS = process.env.HEALTHHUB_SCREENSHOTS;
const TASKLIST = `${BASE_URL}/operaton/app/tasklist/default/`;
const PATIENCE_MS = 60_000;

let browser;
const sessions = new Map();

// The one place that knows how a person signs in: the HealthHub pages' API answers HTTP Basic
// (the browser's own prompt, answered from the context's credentials), Tasklist, Cockpit and the
// opening result use Operaton's webapp login form. Every other step reuses this context.
async function signIn(user, password) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, httpCredentials: { username: user, password } });
  const page = await context.newPage();
  page.setDefaultTimeout(PATIENCE_MS);
  page.on('pageerror', (error) => process.stderr.write(`[browser] ${user}: ${error.message}\n`));
  sessions.set(user, { context, page });
  await reloadUntil(page, TASKLIST, page.getByPlaceholder('Username'));
  await page.getByPlaceholder('Username').fill(user);
  await page.getByPlaceholder('Password').fill(password);
  await page.getByRole('button', { name: 'Log in' }).click();
  await startLink(page).waitFor();
}

function startLink(page) {
  return page.getByRole('link', { name: /start process/i }).first();
}

// Loads Tasklist afresh (its lists do not refresh by themselves).
async function openTasklist(page) {
  await reloadUntil(page, TASKLIST, startLink(page));
}

// The webapps' bootstrap now and then stalls on their loading spinner; a person would press
// reload, and so does this, at most three times.
async function reloadUntil(page, url, ready) {
  for (let attempt = 1; ; attempt++) {
    await page.goto(url);
    try {
      await ready.waitFor({ timeout: PATIENCE_MS / 4 });
      return;
    } catch (error) {
      process.stderr.write(`[browser] ${url} not ready after attempt ${attempt}\n`);
      if (attempt === 3) throw error;
    }
  }
}

async function session(user) {
  const known = sessions.get(user);
  if (!known) {
    throw new Error(`${user} has not signed in`);
  }
  return known;
}

async function screenshot(page, name) {
  if (name) {
    await page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`), fullPage: true });
  }
}

// Fills a form-js form by the labels a person reads. A value true/false ticks a checkbox, a value
// {"option": "..."} picks from a select, {"radio": "..."} picks a radio button by its label, anything
// else is typed.
async function fill(scope, fields) {
  for (const [label, value] of fields) {
    if (value !== null && typeof value === 'object' && 'radio' in value) {
      await scope.getByRole('radio', { name: value.radio }).check();
      continue;
    }
    const field = scope.getByLabel(exactLabel(label));
    if (typeof value === 'boolean') {
      await field.setChecked(value);
    } else if (value !== null && typeof value === 'object' && 'option' in value) {
      const select = field.locator('xpath=ancestor::div[contains(@class, "fjs-form-field")][1]');
      await select.locator('.fjs-input-group').click();
      await select.locator('.fjs-dropdownlist-item', { hasText: value.option }).first().click();
      await select.locator('.fjs-dropdownlist').waitFor({ state: 'detached' });
    } else {
      await typeInto(field, String(value));
    }
    await field.blur();
  }
}

// A label as written in the form; form-js appends "*" to the required ones.
function exactLabel(label) {
  return new RegExp(`^\\s*${label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s*\\*?\\s*$`);
}

// Types a value and checks the field holds it: form-js re-renders after a select closes and can drop
// a value typed in that instant; a person would see the empty field and type again.
async function typeInto(field, value) {
  for (let attempt = 1; ; attempt++) {
    await field.fill(value);
    if ((await field.inputValue()) === value || attempt === 3) return;
    await field.page().waitForTimeout(200);
  }
}

// Tasklist keeps its submit button disabled while form-js finds the entry invalid; then the form
// shows why, and nothing is sent. form-js takes the last typed value in a moment after its blur, so
// a disabled button is given that moment before the entry counts as refused.
async function submitForm(button, form, gone, page) {
  for (let check = 1; await button.isDisabled(); check++) {
    if (check === 15) {
      return { submitted: false, errors: await formErrors(form) };
    }
    await page.waitForTimeout(200);
  }
  await button.click();
  return settle(page, form, gone);
}

// What the form shows, field by field: label and value (read-only fields included).
async function readFields(form) {
  return form.locator('.fjs-form-field').evaluateAll((fields) => Object.fromEntries(fields
    .map((field) => [(field.querySelector('label')?.textContent ?? '').replace('*', '').trim(),
      field.querySelector('input:not([type=radio]), textarea')?.value ?? ''])
    .filter(([label]) => label)));
}

// The validation messages form-js shows under the fields, with the label of each field.
async function formErrors(scope) {
  return scope.locator('.fjs-form-field').evaluateAll((fields) => fields
    .map((field) => ({
      label: (field.querySelector('label')?.textContent ?? '').trim(),
      errors: [...field.querySelectorAll('.fjs-form-field-error')].map((e) => e.textContent.trim()).filter(Boolean),
    }))
    .filter((field) => field.errors.length > 0));
}

async function notifications(page) {
  return page.locator('.notifications .notification, [notifications-panel] .alert').allInnerTexts();
}

const steps = {
  async signIn({ user, password }) {
    await signIn(user, password);
    return {};
  },

  // Starts a process from its start form in Tasklist; answers the form's validation messages (and
  // no notification) when the form refuses the entry.
  async startProcess({ user, process: processName, fields, screenshot: shot }) {
    const { page } = await session(user);
    await openTasklist(page);
    await startLink(page).click();
    const dialog = page.locator('.modal-dialog, .modal-content').first();
    await dialog.getByRole('link', { name: processName }).click();
    const form = dialog.locator('.fjs-form');
    await form.waitFor({ timeout: PATIENCE_MS });
    await fill(form, fields);
    await screenshot(page, shot);
    return submitForm(dialog.getByRole('button', { name: /^start$/i }), form, async () => !(await dialog.isVisible()), page);
  },

  // Opens a task by name from the list (waiting until the flow has created it), or by id as a link
  // to it would (when several people's tasks share a name), claims it and completes its form.
  async completeTask({ user, task, taskId, fields, screenshot: shot, read }) {
    const { page } = await session(user);
    if (taskId) {
      await reloadUntil(page, `${TASKLIST}#/?task=${encodeURIComponent(taskId)}`, page.locator('.fjs-form').first());
    } else {
      const entry = page.locator('.task-list li, [cam-tasks] li', { hasText: task }).first();
      await waitUntil(async () => {
        await openTasklist(page);
        return appears(entry);
      }, `task "${task}" in ${user}'s list`);
      await entry.click();
    }
    const form = page.locator('.fjs-form').first();
    await form.waitFor({ timeout: PATIENCE_MS });
    // A candidate-group task opens read-only until the person claims it.
    if (await page.locator('.disabled-form').count() > 0) {
      await page.locator('button, a', { hasText: /^\s*claim\s*$/i }).first().click();
      await page.locator('.disabled-form').waitFor({ state: 'detached', timeout: PATIENCE_MS });
    }
    const shown = read ? { text: await form.innerText(), fields: await readFields(form) } : undefined;
    await fill(form, fields ?? []);
    await screenshot(page, shot);
    const complete = page.getByRole('button', { name: /^complete$/i });
    return { ...(await submitForm(complete, form, async () => (await page.locator('.fjs-form').count()) === 0, page)), shown };
  },

  // Opens a page of the app and waits for a text on it; answers the page's text.
  async open({ user, url, waitFor, screenshot: shot }) {
    const { page } = await session(user);
    if (waitFor) {
      await waitUntil(async () => {
        await page.goto(`${BASE_URL}${url}`);
        return appears(page.getByText(waitFor).first());
      }, `"${waitFor}" on ${url}`);
    } else {
      await page.goto(`${BASE_URL}${url}`);
    }
    await screenshot(page, shot);
    return { text: await page.locator('body').innerText() };
  },

  // Clicks a button by its name on the page the user has open, then waits for a text.
  async click({ user, button, near, waitFor, screenshot: shot }) {
    const { page } = await session(user);
    const scope = near ? page.locator('li, tr, section', { hasText: near }).last() : page;
    await scope.getByRole('button', { name: button }).first().click();
    if (waitFor) {
      await page.getByText(waitFor).first().waitFor({ timeout: PATIENCE_MS });
    }
    await screenshot(page, shot);
    return { text: await page.locator('body').innerText() };
  },

  async shoot({ user, url, name, waitFor }) {
    const { page } = await session(user);
    await page.goto(`${BASE_URL}${url}`);
    if (waitFor) {
      await page.getByText(waitFor).first().waitFor({ timeout: PATIENCE_MS });
    }
    await page.waitForLoadState('networkidle');
    await screenshot(page, name);
    return {};
  },
};

// After a submit: either form-js refused the entry (messages in the form, still open) or Tasklist
// took it (the dialog or the task gone from the list).
async function settle(page, form, gone) {
  const deadline = Date.now() + PATIENCE_MS;
  for (;;) {
    const errors = await formErrors(form);
    if (errors.length > 0) {
      return { submitted: false, errors };
    }
    if (await gone()) {
      return { submitted: true, notifications: await notifications(page) };
    }
    // The engine refused the start or completion (a server-side check): Tasklist says why in a
    // notification and keeps the form open.
    const refusals = await page.locator('.notifications .alert-danger, .notifications .alert-error').allInnerTexts();
    if (refusals.length > 0) {
      return { submitted: false, errors: [], refusals };
    }
    if (Date.now() > deadline) {
      throw new Error('the form neither submitted nor showed a message');
    }
    await page.waitForTimeout(100);
  }
}

// Whether the element shows within a few seconds of a page load (the lists load after the page).
async function appears(locator) {
  return locator.waitFor({ timeout: 5_000 }).then(() => true, () => false);
}

async function waitUntil(condition, what) {
  const deadline = Date.now() + PATIENCE_MS;
  while (!(await condition())) {
    if (Date.now() > deadline) {
      throw new Error(`waited ${PATIENCE_MS} ms for ${what}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

// What the user saw when a step failed, for the person reading the test report.
async function shootFailure(request) {
  const known = sessions.get(request.user);
  if (known) {
    await screenshot(known.page, `failed-${request.step}-${request.user}`).catch(() => {});
  }
}

async function main() {
  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking'],
  });
  const input = readline.createInterface({ input: process.stdin });
  try {
    for await (const line of input) {
      if (!line.trim()) continue;
      const request = JSON.parse(line);
      let answer;
      try {
        const step = steps[request.step];
        if (!step) throw new Error(`no step "${request.step}"`);
        answer = { ok: true, ...(await step(request)) };
      } catch (error) {
        await shootFailure(request);
        answer = { ok: false, error: String(error && error.stack ? error.stack : error) };
      }
      process.stdout.write(`${JSON.stringify(answer)}\n`);
    }
  } finally {
    await browser.close();
  }
}

main().catch((error) => {
  process.stderr.write(`${error && error.stack ? error.stack : error}\n`);
  process.exit(1);
});
