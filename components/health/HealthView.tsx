/**
 * Password health on the vault page: breached (listed first: the most urgent), weak, reused and old
 * (rotation due) passwords, with counts, per-item snooze, a breach list the user loads from a file, and the
 * opt-in online check (Have I Been Pwned's range API or a mirror). The background analyses; this view
 * shows findings by item and never sees a password, except a freshly generated one.
 */
import { useCallback, useEffect, useId, useState, type ChangeEvent } from 'react';
import { BreachCheckSettings } from './BreachCheckSettings';
import type { HealthReport, OldFinding } from '../../lib/health/health-report-schema';
import { MAX_BREACH_LIST_CHARS } from '../../lib/health/health-messages';
import { errorText } from '../kit/error-text';
import { HealthFinding } from './HealthFinding';
import { useVaultCall } from '../kit/use-vault-call';

export interface HealthViewProps {
  onOpenItem: (id: string) => void;
}

const dateFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' });
const countFormat = new Intl.NumberFormat();
const SCORE_WORDS = ['very weak', 'weak', 'fair'] as const;

/** How often the view asks how far the background's scoring got, in ms. */
const SCORING_POLL_MS = 1000;

function days(n: number): string {
  return n === 1 ? '1 day' : `${countFormat.format(n)} days`;
}

export function HealthView({ onOpenItem }: HealthViewProps) {
  const call = useVaultCall();
  const baseId = useId();
  const [report, setReport] = useState<HealthReport | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [breach, setBreach] = useState<{ name: string; text: string } | null>(null);

  const analyse = useCallback(async (breachList: string | null) => {
    setBusy(true);
    setError(null);
    const result = await call('healthReport', breachList === null ? {} : { breachList });
    setBusy(false);
    if (result.ok) setReport(result.report);
    else setError(errorText(result.error));
  }, [call]);

  useEffect(() => {
    void analyse(null);
  }, [analyse]);

  // While the background scores (after an import), say how far it got and refresh the report once it is done.
  const [scoring, setScoring] = useState<HealthReport['scoring']>(null);
  const waitingForScores = report !== null && (report.scoring !== null || report.counts.unscored > 0 || report.counts.unknown > 0);
  useEffect(() => {
    if (!waitingForScores) {
      setScoring(null);
      return;
    }
    setScoring(report.scoring);
    let stopped = false;
    const timer = setInterval(() => {
      void call('healthProgress', {}).then((result) => {
        if (stopped || !result.ok) return;
        setScoring(result.scoring);
        if (result.scoring === null || result.scoring.stalled) {
          stopped = true;
          clearInterval(timer);
          void analyse(breach?.text ?? null);
        }
      });
    }, SCORING_POLL_MS);
    return () => {
      stopped = true;
      clearInterval(timer);
    };
  }, [waitingForScores, report, call, analyse, breach]);

  async function loadBreachList(event: ChangeEvent<HTMLInputElement>) {
    const file = event.target.files?.[0];
    event.target.value = '';
    if (!file) return;
    // Bytes ≥ characters for this ASCII format, so the size tells before reading whether it fits.
    if (file.size > MAX_BREACH_LIST_CHARS) {
      setError(`That breach list is too large (${countFormat.format(Math.ceil(file.size / 1048576))} MB). Load at most 32 MB at a time, e.g. split by hash prefix.`);
      return;
    }
    const text = await file.text();
    setBreach({ name: file.name, text });
    await analyse(text);
  }

  async function snooze(id: string, snoozeDays: number) {
    const result = await call('healthSnooze', { id, days: snoozeDays });
    if (!result.ok) {
      setError(errorText(result.error));
      return;
    }
    await analyse(breach?.text ?? null);
  }

  const oldDetail = (finding: OldFinding) =>
    `Password set ${dateFormat.format(finding.passwordSetAt)}; rotate every ${days(finding.rotationDays)}; due since ${dateFormat.format(finding.dueAt)}.`;

  const counts = report?.counts;
  const breachSource = report?.breachList || report?.onlineCheck;
  const reanalyse = () => void analyse(breach?.text ?? null);
  return (
    <section className="health" data-testid="health" aria-labelledby={`${baseId}-title`} aria-busy={busy}>
      <div className="section-head">
        <h2 id={`${baseId}-title`}>Password health</h2>
        <button type="button" onClick={() => void analyse(breach?.text ?? null)} disabled={busy}>
          Check again
        </button>
      </div>
      <p className="hint">
        {report?.onlineCheck
          ? `Checked on this device; for breaches, only 5-character hash prefixes were sent to ${report.onlineCheck.host}.`
          : 'Checked on this device; nothing is sent anywhere.'}
      </p>
      {busy && <p className="status" role="status">Checking your passwords…</p>}
      {scoring !== null && (
        <p className="status" role="status" data-testid="health-scoring">
          {scoring.stalled
            ? 'Scoring password strength stopped; it starts again with Check again.'
            : `Scoring password strength: ${countFormat.format(scoring.done)} of ${countFormat.format(scoring.total)}. Reused, old and breached are listed already.`}
        </p>
      )}
      {error !== null && <p className="form-error" role="alert">{error}</p>}

      {counts && (
        <ul className="health-counts" aria-label="Summary">
          <li data-testid="count-breached"><strong>{breachSource ? counts.breached : '–'}</strong> breached</li>
          <li data-testid="count-weak"><strong>{counts.weak}</strong> weak</li>
          <li data-testid="count-reused"><strong>{counts.reused}</strong> reused</li>
          <li data-testid="count-old"><strong>{counts.old}</strong> due for rotation</li>
          <li className="muted">
            {counts.logins} logins checked{counts.unscored > 0 ? `, ${countFormat.format(counts.unscored)} not scored yet` : ''}
            {counts.quarantined > 0 ? `, ${counts.quarantined} damaged items skipped` : ''}
          </li>
        </ul>
      )}

      <BreachCheckSettings onChanged={reanalyse} />

      <div className="field">
        <label htmlFor={`${baseId}-breach`}>Breach list</label>
        <input id={`${baseId}-breach`} type="file" accept=".txt,.csv,text/plain" onChange={(e) => void loadBreachList(e)} aria-describedby={`${baseId}-breach-hint`} />
        <p id={`${baseId}-breach-hint`} className="hint">
          A text file of SHA-1 hashes, one per line: full (40 hex digits) or a prefix of at least 5, optionally “HASH:count” as in
          Have I Been Pwned’s downloads. It is read here and never leaves this device.
        </p>
        {breach && report?.breachList && (
          <p className="status" data-testid="breach-summary">
            {breach.name}: {countFormat.format(report.breachList.hashes)} hashes, {countFormat.format(report.breachList.prefixes)} prefixes
            {report.breachList.malformed > 0 &&
              `; ${countFormat.format(report.breachList.malformed)} lines not understood and ignored (line ${report.breachList.malformedLines.join(', ')}${report.breachList.malformed > report.breachList.malformedLines.length ? ', …' : ''})`}
            .
          </p>
        )}
      </div>

      {report && (
        <>
          <section aria-labelledby={`${baseId}-breached`} data-testid="health-breached">
            <h3 id={`${baseId}-breached`}>Breached passwords ({breachSource ? report.breached.length : 'not checked'})</h3>
            {report.onlineCheck?.error != null && (
              <p className="form-error" role="alert" data-testid="online-check-error">
                {report.onlineCheck.failed} of {report.onlineCheck.asked} checks did not go through: {report.onlineCheck.error}
              </p>
            )}
            {!breachSource ? <p className="muted">Turn on the online check or load a breach list below to check against it.</p> : report.breached.length === 0 ? <p className="muted">None of your passwords is known to be breached.</p> : (
              <ul className="findings">
                {report.breached.map((f) => (
                  <HealthFinding
                    key={f.id}
                    item={f}
                    onOpenItem={onOpenItem}
                    onChanged={reanalyse}
                    detail={f.matchedBy === 'online'
                      ? `Known to ${report.onlineCheck?.host ?? 'the breach service'}${f.count !== null ? `: seen ${countFormat.format(f.count)} times in breaches` : ''}. Change it.`
                      : f.matchedBy === 'hash'
                        ? `Listed${f.count !== null ? `, seen ${countFormat.format(f.count)} times` : ''}.`
                        : 'Its hash starts with a listed prefix: it may be in the breach.'}
                  />
                ))}
              </ul>
            )}
          </section>
          <section aria-labelledby={`${baseId}-weak`} data-testid="health-weak">
            <h3 id={`${baseId}-weak`}>Weak passwords ({report.weak.length})</h3>
            {report.weak.length === 0 ? <p className="muted">None.</p> : (
              <ul className="findings">
                {report.weak.map((f) => (
                  <HealthFinding key={f.id} item={f} onOpenItem={onOpenItem} onChanged={reanalyse} detail={`Strength: ${SCORE_WORDS[f.score] ?? 'weak'} (${f.score} of 4).`} />
                ))}
              </ul>
            )}
          </section>

          <section aria-labelledby={`${baseId}-reused`} data-testid="health-reused">
            <h3 id={`${baseId}-reused`}>Reused passwords ({report.counts.reused})</h3>
            {report.reused.length === 0 ? <p className="muted">None.</p> : report.reused.map((group, i) => (
              <div key={group.items[0]?.id ?? i} className="reuse-group">
                <p className="muted">One password on {group.sites} different sites:</p>
                <ul className="findings">
                  {group.items.map((f) => (
                    <HealthFinding key={f.id} item={f} onOpenItem={onOpenItem} onChanged={reanalyse} detail="Uses the same password as the others in this group." />
                  ))}
                </ul>
              </div>
            ))}
          </section>

          <section aria-labelledby={`${baseId}-old`} data-testid="health-old">
            <h3 id={`${baseId}-old`}>Due for rotation ({report.old.length})</h3>
            <p className="hint">Older than the login’s own rotation period, else the default of {days(report.defaultRotationDays)} (Settings).</p>
            {report.old.length === 0 ? <p className="muted">None.</p> : (
              <ul className="findings">
                {report.old.map((f) => (
                  <HealthFinding key={f.id} item={f} onOpenItem={onOpenItem} onChanged={reanalyse} detail={oldDetail(f)}>
                    <button type="button" className="small" onClick={() => void snooze(f.id, 7)}>Snooze 7 days</button>
                    <button type="button" className="small" onClick={() => void snooze(f.id, 30)}>Snooze 30 days</button>
                  </HealthFinding>
                ))}
              </ul>
            )}
            {report.snoozed.length > 0 && (
              <details className="snoozed">
                <summary>Snoozed ({report.snoozed.length})</summary>
                <ul className="findings">
                  {report.snoozed.map((f) => (
                    <HealthFinding key={f.id} item={f} onOpenItem={onOpenItem} detail={`${oldDetail(f)} Snoozed until ${dateFormat.format(f.snoozedUntil ?? 0)}.`}>
                      <button type="button" className="small" onClick={() => void snooze(f.id, 0)}>Remind me now</button>
                    </HealthFinding>
                  ))}
                </ul>
              </details>
            )}
          </section>

        </>
      )}
    </section>
  );
}
