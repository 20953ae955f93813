import { DEMO_PASSWORD } from './harness';

/** Direct API calls from the test process (Node fetch) against the same server the browser uses. */
export async function apiLogin(baseUrl: string, email: string, password = DEMO_PASSWORD): Promise<{ status: number; body: any }> {
  const res = await fetch(`${baseUrl}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  return { status: res.status, body: await res.json() };
}

export async function apiToken(baseUrl: string, email: string): Promise<string> {
  const { status, body } = await apiLogin(baseUrl, email);
  if (status !== 200) throw new Error(`login of ${email} answered ${status}: ${JSON.stringify(body)}`);
  return body.data.accessToken as string;
}

export async function apiCall(baseUrl: string, token: string, method: string, path: string, body?: unknown): Promise<{ status: number; body: any }> {
  const res = await fetch(`${baseUrl}${path}`, {
    method,
    headers: { authorization: `Bearer ${token}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : null };
}
