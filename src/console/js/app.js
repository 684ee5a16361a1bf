// The console's entry: hash routes → views, and the login form shown when the API asks for a
// key (kept in session storage only).
import { api, setApiKey } from './api.js';
import { definitionView } from './definition.js';
import { definitionsView } from './definitions.js';
import { h, mount } from './dom.js';
import { instanceView } from './instance.js';
import { instancesView } from './instances.js';
import { tasksView } from './tasks.js';

const view = document.getElementById('view');
let generation = 0;

function loginForm() {
  const key = h('input', { type: 'password', id: 'api-key', placeholder: 'API key', size: 40 });
  const form = h(
    'form',
    { className: 'inline', id: 'login' },
    key,
    h('button', { type: 'submit' }, 'Sign in'),
  );
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    setApiKey(key.value.trim());
    void route();
  });
  mount(view, h('h1', {}, 'Sign in'), h('p', {}, 'This API needs an API key.'), form);
}

async function route() {
  const mine = ++generation;
  const isCurrent = () => mine === generation;
  const path = location.hash.replace(/^#/, '').split('?')[0] || '/definitions';
  try {
    if (path.startsWith('/instance/'))
      await instanceView(view, decodeURIComponent(path.slice('/instance/'.length)), isCurrent);
    else if (path.startsWith('/definition/'))
      await definitionView(view, decodeURIComponent(path.slice('/definition/'.length)));
    else if (path === '/instances') await instancesView(view);
    else if (path === '/tasks') await tasksView(view);
    else await definitionsView(view);
  } catch (err) {
    if (err.status === 401) return loginForm();
    if (isCurrent()) mount(view, h('p', { className: 'error' }, err.message));
  }
}

window.addEventListener('hashchange', () => void route());
window.addEventListener('waymark:login', () => loginForm());
void api('GET', '/health/live').catch(() => undefined);
void route();
