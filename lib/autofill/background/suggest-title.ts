/**
 * The name the save bar suggests for a new login: the submitting page's title without the words of the
 * sign-in step ("Sign in – Example Shop" → "Example Shop"), as people name logins after the service rather
 * than its address. Falls back to the host when the title says nothing else.
 */
import { MAX_SHORT } from '../../vault/model/item-limits';
import { siteOf } from '../../vault/records/blind-index';

/** Longest suggestion, in characters: titles are shown in lists. */
export const MAX_SUGGESTED_TITLE = 80;

/** Separators sites put between the page's name and the service's. */
const SEPARATORS = /\s+[-–—]\s+|\s*[|·•»]\s*|:\s+/;

/** A part of a title that only names the step (English and the detection's main languages), not the service. */
const STEP_WORDS =
  /^(sign[ -]?(in|up|on)|log[ -]?(in|on)|login|register|registration|create (an |your )?account|new account|join|welcome|account|my account|password|reset password|change password|forgot password|authentication|verify|verification|two[- ]factor|anmelden|einloggen|registrieren|konto erstellen|connexion|se connecter|inscription|créer un compte|iniciar sesión|registrarse|crear cuenta|accedi|registrati|entrar|inloggen|registreren|zaloguj się|войти|вход|регистрация|登录|登入|注册|ログイン|新規登録|로그인|회원가입)$/i;

/** "Sign in to X", "Log in to X", "Welcome to X": the step's words before the service's name. */
const STEP_PREFIX = /^(sign in|log in|login|sign up|register|welcome) (to|at|for|with) /i;

/**
 * @param pageTitle - `document.title` of the page the form was on (page-controlled; may be empty)
 * @param host - the submitting frame's host, e.g. `www.shop.example.com`
 * @returns 1..80 characters
 * @example suggestTitle('Sign in – Example Shop', 'shop.example.com'); // 'Example Shop'
 * @example suggestTitle('Login', 'www.example.com'); // 'example.com'
 */
export function suggestTitle(pageTitle: string, host: string): string {
  const fallback = host.replace(/^www\./, '') || 'Login';
  const parts = pageTitle
    .slice(0, MAX_SHORT)
    .replace(/[\u0000-\u001f\u007f]/g, ' ')
    .split(SEPARATORS)
    .map((part) => part.replace(/\s+/g, ' ').trim().replace(STEP_PREFIX, ''))
    .filter((part) => part !== '' && !STEP_WORDS.test(part.replace(/[.!…]+$/, '')));
  if (parts.length === 0) return fallback;
  // The shortest part naming the site's registrable name wins ("Example" for example.com); else the last, where
  // most sites put their brand.
  const name = siteOf(`https://${host}`)?.split('.')[0]?.toLowerCase() ?? '';
  const naming = name.length >= 3 ? parts.filter((part) => part.toLowerCase().includes(name)).sort((a, b) => a.length - b.length) : [];
  const chosen = naming[0] ?? parts[parts.length - 1]!;
  return chosen.length > MAX_SUGGESTED_TITLE ? `${chosen.slice(0, MAX_SUGGESTED_TITLE - 1).trimEnd()}…` : chosen;
}
