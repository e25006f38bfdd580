/**
 * A React login form with controlled inputs, for the autofill E2E: the fields' values live in React state,
 * and the page shows what React saw (`#seen`), so a fill React did not notice shows as empty. Built with Vite
 * by the suite (no JSX, so no plugin) and served beside the other test pages.
 */
import { createElement as h, useState } from 'react';
import { createRoot } from 'react-dom/client';

function LoginForm() {
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  return h(
    'form',
    { id: 'login', action: '/done', method: 'post' },
    h('label', null, 'Email ', h('input', { id: 'user', name: 'username', autoComplete: 'username', value: username, onChange: (e: { target: HTMLInputElement }) => setUsername(e.target.value) })),
    h('label', null, 'Password ', h('input', { id: 'pass', name: 'password', type: 'password', autoComplete: 'current-password', value: password, onChange: (e: { target: HTMLInputElement }) => setPassword(e.target.value) })),
    h('button', { type: 'submit' }, 'Sign in'),
    // What React's state holds: the test compares it with what was filled.
    h('output', { id: 'seen' }, JSON.stringify({ username, password })),
  );
}

const root = document.getElementById('root');
if (root) createRoot(root).render(h(LoginForm));
