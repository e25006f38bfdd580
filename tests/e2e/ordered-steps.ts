/** Ordered E2E steps on one shared profile: the first failure skips the rest and leaves a screenshot; launch and close around them. */
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, it } from 'vitest';
import { launchExtension, openPopup, removeProfile, REPO_ROOT, type LaunchedExtension } from './harness';

/** Where failing steps leave a screenshot (ignored by git, unlike tests/e2e/screenshots). */
export const FAILURE_DIR = join(REPO_ROOT, 'test-results', 'e2e');

/** What to screenshot when a step fails: one page, or several, each named by a suffix of the file name. */
export type FailurePages = Page | undefined | [suffix: string, page: Page | undefined][];

/** Declares one step: a vitest `it` that is skipped once an earlier step of the same `orderedSteps` failed. */
export type Step = (title: string, body: () => Promise<void>) => void;

/**
 * Returns `step(title, body)` for a describe block whose steps run in order on one profile: after the first failed
 * step every later one is skipped (naming it), so the first failure is the one reported, and each page that
 * `currentPage()` gives at the failure, if still open, is saved to `FAILURE_DIR` as
 * `<screenshotPrefix><title slug>.png` (or `<screenshotPrefix><title slug>-<suffix>.png` for named pages).
 */
export function orderedSteps(screenshotPrefix: string, currentPage: () => FailurePages): Step {
  let failedStep: string | undefined;
  return (title, body) => {
    it(title, async (context) => {
      if (failedStep !== undefined) context.skip(`an earlier step failed: ${failedStep}`);
      try {
        await body();
      } catch (error) {
        failedStep = title;
        await screenshotFailure(`${screenshotPrefix}${title.slice(0, 40).replace(/[^a-z0-9]+/gi, '-')}`, currentPage());
        throw error;
      }
    });
  };
}

/** Saves each open page of `pages` as `<name>[-<suffix>].png` in `FAILURE_DIR`; a failed screenshot is ignored. */
async function screenshotFailure(name: string, pages: FailurePages): Promise<void> {
  const named: [string, Page | undefined][] = Array.isArray(pages) ? pages.map(([suffix, page]) => [`${name}-${suffix}`, page]) : [[name, pages]];
  for (const [file, page] of named) {
    if (page && !page.isClosed()) {
      await mkdir(FAILURE_DIR, { recursive: true });
      await page.screenshot({ path: join(FAILURE_DIR, `${file}.png`) }).catch(() => undefined);
    }
  }
}

/** The extension and popup a describe block shares; steps may replace either (a reopened popup, a restarted browser). */
export interface PopupSession {
  /** The running extension, undefined before launch or after a step closed it. */
  extension: LaunchedExtension | undefined;
  /** The popup in use, undefined when none is open. */
  popup: Page | undefined;
  /** The running extension; throws when there is none. */
  readonly launched: () => LaunchedExtension;
  /** The open popup; throws when there is none. */
  readonly page: () => Page;
}

/**
 * Registers a `beforeAll` that launches the extension and opens its popup, and an `afterAll` that closes the browser
 * then running and deletes the first launch's profile (also when a step restarted the browser on it).
 */
export function popupSession(): PopupSession {
  let profileDir: string | undefined;
  const session: PopupSession = {
    extension: undefined,
    popup: undefined,
    launched: () => {
      if (!session.extension) throw new Error('the extension is not running');
      return session.extension;
    },
    page: () => {
      if (!session.popup) throw new Error('the popup is not open');
      return session.popup;
    },
  };

  beforeAll(async () => {
    const extension = await launchExtension();
    session.extension = extension;
    profileDir = extension.userDataDir;
    session.popup = await openPopup(extension.context, extension.extensionId);
  });

  afterAll(async () => {
    await session.extension?.close({ keepProfile: true });
    if (profileDir) await removeProfile(profileDir);
  });

  return session;
}
