/**
 * Browser entry of the autofill scan bench: builds a 5,000-element page shaped like a busy site (navigation,
 * article, sidebar newsletter, comment and checkout forms, a login dialog, a shadow-DOM widget, footer links)
 * and times `detectForms(document)` on it.
 */
import { detectForms } from '../../../lib/autofill/content/detect/detect-forms';

/** What the page reports: timings in ms, the page's size, and what the detector found (a sanity check). */
export interface ScanFigures {
  elements: number;
  inputs: number;
  runs: number;
  samplesMs: number[];
  formsFound: number;
  loginFields: number;
}

function add(parent: Element, html: string): void {
  parent.insertAdjacentHTML('beforeend', html);
}

/** Fills the body until the document holds exactly `elements` elements (html, head and body included). */
function buildPage(elements: number): void {
  const body = document.body;
  add(body, `<header><nav>${'<a href="#">Section</a>'.repeat(40)}</nav>
    <form role="search" action="/search"><input type="search" name="q"><button>Search</button></form></header>`);
  const main = document.createElement('main');
  body.append(main);
  for (let i = 0; i < 60; i++) {
    add(main, `<article><h2>Story ${i}</h2><p>Lorem <b>ipsum</b> dolor <i>sit</i> amet, <a href="#">link</a>.</p>
      <div class="meta"><span>Author</span><span>Date</span><ul><li>tag</li><li>tag</li></ul></div></article>`);
  }
  add(main, `<form class="comment" action="/comment"><input name="name" placeholder="Name"><input type="email" name="email"
    placeholder="Email"><textarea name="body"></textarea><button type="submit">Post comment</button></form>`);
  add(main, `<form action="/checkout"><input name="first_name" placeholder="First name"><input name="last_name"
    placeholder="Last name"><input name="street" placeholder="Street"><input name="zip" placeholder="ZIP"><input
    name="city" placeholder="City"><input autocomplete="cc-number" placeholder="Card number"><input type="password"
    name="cvc" maxlength="4" placeholder="CVC"><button type="submit">Pay</button></form>`);
  add(body, `<aside><form action="/newsletter"><p>Weekly newsletter</p><input type="email" name="email"><button
    type="submit">Subscribe</button></form></aside>`);
  add(body, `<div role="dialog" class="login-modal"><h2>Sign in</h2><div><label for="bench-user">Email</label><input
    id="bench-user" type="email"></div><div><label for="bench-pass">Password</label><input id="bench-pass"
    type="password"></div><button>Sign in</button></div>`);
  const host = document.createElement('account-widget');
  body.append(host);
  host.attachShadow({ mode: 'open' }).innerHTML = '<div><input name="coupon" placeholder="Coupon code"><button>Apply</button></div>';
  const footer = document.createElement('footer');
  body.append(footer);
  while (document.getElementsByTagName('*').length + 3 <= elements) {
    add(footer, '<div><a href="#">Footer link</a></div>');
  }
  while (document.getElementsByTagName('*').length < elements) add(footer, '<span></span>');
}

function run(elements: number, runs: number): ScanFigures {
  buildPage(elements);
  for (let i = 0; i < 5; i++) detectForms(document); // warm-up: let the JIT settle before timing
  const samplesMs: number[] = [];
  let forms = detectForms(document);
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    forms = detectForms(document);
    samplesMs.push(performance.now() - start);
  }
  const login = forms.find((f) => f.kind === 'login');
  return {
    elements: document.getElementsByTagName('*').length,
    inputs: document.getElementsByTagName('input').length + 1, // + the coupon input in the shadow root
    runs,
    samplesMs,
    formsFound: forms.length,
    loginFields: login?.fields.length ?? 0,
  };
}

(globalThis as unknown as { sealpassScan: { run: typeof run } }).sealpassScan = { run };
