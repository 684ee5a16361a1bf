// The console's API client: same-origin calls with the API key kept in session storage (entered
// in the login form when the API asks for one). A 401 clears the key and shows the login form.

const KEY = 'waymark.apiKey';

export class ApiError extends Error {
  constructor(status, problem) {
    super(problem?.detail ?? problem?.title ?? `HTTP ${status}`);
    this.status = status;
    this.problem = problem ?? {};
  }
}

export function apiKey() {
  return sessionStorage.getItem(KEY) ?? '';
}

export function setApiKey(key) {
  if (key) sessionStorage.setItem(KEY, key);
  else sessionStorage.removeItem(KEY);
}

/** One API call; resolves with the parsed body of a 2xx answer, rejects with ApiError. */
export async function api(method, path, body, contentType = 'application/json') {
  const headers = { accept: 'application/json' };
  const key = apiKey();
  if (key) headers.authorization = `Bearer ${key}`;
  let payload;
  if (body !== undefined) {
    headers['content-type'] = contentType;
    payload = typeof body === 'string' ? body : JSON.stringify(body);
  }
  const res = await fetch(path, { method, headers, body: payload });
  const text = await res.text();
  let parsed = text;
  try {
    parsed = text ? JSON.parse(text) : undefined;
  } catch {
    // XML sources and plain text stay strings
  }
  if (res.status === 401) {
    setApiKey('');
    window.dispatchEvent(new CustomEvent('waymark:login'));
  }
  if (!res.ok)
    throw new ApiError(res.status, typeof parsed === 'object' ? parsed : { detail: text });
  return parsed;
}

export const enc = encodeURIComponent;
