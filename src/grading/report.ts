// grade results as an instructor reads them: a table for the terminal, JSON for programs, JUnit
// XML for CI dashboards, CSV for spreadsheets. one shape in (a list of graded exercises, from
// files or from re-graded submissions), four formats out.
import { SIMULATOR_VERSION } from '../sim/version.ts';
import type { CheckResult } from './evaluate.ts';

export const FORMATS = ['table', 'json', 'junit', 'csv'] as const;
export type Format = (typeof FORMATS)[number];

export interface GradedExercise {
  /** set when the grade comes from a learner's submission */
  learner?: string;
  exerciseId: string;
  title: string;
  seed: number;
  params: Readonly<Record<string, string | number>>;
  results: CheckResult[];
  score: number;
  passed: boolean;
  /** what the learner's browser claimed, for submissions */
  claimed?: { score: number; checks: { id: string; pass: boolean }[] };
  /** where the claims differ from the replay */
  mismatches?: string[];
  warnings?: string[];
  /** the exercise could not be graded at all */
  error?: string;
  /** what applying the learner's files printed, when a command failed */
  output?: string;
}

/** everything passed: every check, every claim borne out, nothing that could not be graded */
export function allPassed(graded: readonly GradedExercise[]): boolean {
  return graded.length > 0 && graded.every((g) => !g.error && g.passed && (g.mismatches ?? []).length === 0);
}

function heading(g: GradedExercise): string {
  const who = g.learner ? `${g.learner}: ` : '';
  const params = Object.entries(g.params);
  const variant = params.length ? `, ${params.map(([k, v]) => `${k}=${v}`).join(' ')}` : '';
  return `${who}${g.exerciseId} (seed ${g.seed}${variant})`;
}

function claimFor(g: GradedExercise, id: string): string {
  const claim = g.claimed?.checks.find((c) => c.id === id);
  return claim ? (claim.pass ? 'PASS' : 'FAIL') : '-';
}

/** the terminal table: per exercise a heading, a row per check, failures' hints beneath them */
export function formatTable(graded: readonly GradedExercise[]): string {
  const blocks: string[] = [];
  for (const g of graded) {
    const lines = [heading(g)];
    if (g.error) {
      lines.push(`  ERROR  ${g.error}`);
      blocks.push(lines.join('\n'));
      continue;
    }
    if (g.output)
      lines.push(
        ...g.output
          .replace(/\n$/, '')
          .split('\n')
          .map((l) => `  | ${l}`),
      );
    const submission = g.claimed !== undefined;
    const idWidth = Math.max(5, ...g.results.map((r) => r.id.length));
    const head = ['RESULT', ...(submission ? ['CLAIMED'] : []), 'WEIGHT', 'CHECK'.padEnd(idWidth), 'DIAGNOSIS'];
    const widths = [6, ...(submission ? [7] : []), 6, idWidth];
    const indent = ' '.repeat(2 + widths.reduce((a, w) => a + w + 2, 0));
    lines.push(`  ${head.join('  ')}`.trimEnd());
    for (const r of g.results) {
      const cells = [r.pass ? 'PASS' : 'FAIL', ...(submission ? [claimFor(g, r.id)] : []), String(r.weight), r.id];
      const row = cells.map((c, i) => c.padEnd(widths[i]!)).join('  ');
      lines.push(`  ${row}  ${r.pass ? '' : (r.diagnosis ?? '')}`.trimEnd());
      if (!r.pass && r.hint) lines.push(`${indent}Hint: ${r.hint}`);
    }
    const passedCount = g.results.filter((r) => r.pass).length;
    lines.push(`  score ${g.score}/100: ${passedCount} of ${g.results.length} checks passed`);
    if (g.claimed) {
      lines.push(
        (g.mismatches ?? []).length === 0
          ? `  claimed ${g.claimed.score}/100: the replay agrees`
          : `  CLAIMS DIFFER FROM THE REPLAY: ${g.mismatches!.join('; ')}`,
      );
    }
    for (const w of g.warnings ?? []) lines.push(`  warning: ${w}`);
    blocks.push(lines.join('\n'));
  }
  const ok = graded.filter((g) => !g.error && g.passed && (g.mismatches ?? []).length === 0).length;
  blocks.push(`${ok} of ${graded.length} ${graded.length === 1 ? 'exercise' : 'exercises'} passed`);
  return blocks.join('\n\n') + '\n';
}

export function formatJson(graded: readonly GradedExercise[]): string {
  return JSON.stringify({ simulatorVersion: SIMULATOR_VERSION, passed: allPassed(graded), exercises: graded }, null, 2) + '\n';
}

function xml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** JUnit XML: a testsuite per exercise, a testcase per check, the diagnosis as the failure message */
export function formatJunit(graded: readonly GradedExercise[]): string {
  const suites: string[] = [];
  let tests = 0;
  let failures = 0;
  let errors = 0;
  for (const g of graded) {
    const name = xml(g.learner ? `${g.learner}: ${g.exerciseId}` : g.exerciseId);
    const cases: string[] = [];
    let suiteFailures = 0;
    for (const r of g.results) {
      const open = `    <testcase classname="${name}" name="${xml(r.id)}">`;
      if (r.pass) cases.push(`    <testcase classname="${name}" name="${xml(r.id)}"/>`);
      else {
        suiteFailures++;
        cases.push(
          `${open}\n      <failure message="${xml(r.diagnosis ?? '')}">${xml(r.hint ? `Hint: ${r.hint}` : '')}</failure>\n    </testcase>`,
        );
      }
    }
    if (g.claimed) {
      const mismatches = g.mismatches ?? [];
      if (mismatches.length === 0) cases.push(`    <testcase classname="${name}" name="claims-match-replay"/>`);
      else {
        suiteFailures++;
        cases.push(
          `    <testcase classname="${name}" name="claims-match-replay">\n      <failure message="${xml(mismatches.join('; '))}"/>\n    </testcase>`,
        );
      }
    }
    if (g.error) {
      errors++;
      cases.push(`    <testcase classname="${name}" name="grade">\n      <error message="${xml(g.error)}"/>\n    </testcase>`);
    }
    tests += cases.length;
    failures += suiteFailures;
    const props = [`      <property name="seed" value="${g.seed}"/>`, `      <property name="score" value="${g.score}"/>`];
    suites.push(
      `  <testsuite name="${name}" tests="${cases.length}" failures="${suiteFailures}" errors="${g.error ? 1 : 0}">\n    <properties>\n${props.join('\n')}\n    </properties>\n${cases.join('\n')}\n  </testsuite>`,
    );
  }
  return `<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="kubesim grade" tests="${tests}" failures="${failures}" errors="${errors}">\n${suites.join('\n')}\n</testsuites>\n`;
}

function csvCell(value: string | number): string {
  const text = String(value);
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** CSV (RFC 4180): a row per check, with the exercise's score on each */
export function formatCsv(graded: readonly GradedExercise[]): string {
  const rows: (string | number)[][] = [
    ['learner', 'exercise', 'seed', 'score', 'check', 'weight', 'result', 'claimed', 'diagnosis'],
  ];
  for (const g of graded) {
    const base = [g.learner ?? '', g.exerciseId, g.seed, g.score];
    if (g.error) rows.push([...base, '', '', 'ERROR', '', g.error]);
    for (const r of g.results) {
      rows.push([
        ...base,
        r.id,
        r.weight,
        r.pass ? 'PASS' : 'FAIL',
        g.claimed ? claimFor(g, r.id) : '',
        r.pass ? '' : (r.diagnosis ?? ''),
      ]);
    }
  }
  return rows.map((row) => row.map(csvCell).join(',')).join('\r\n') + '\r\n';
}

export function formatReport(format: Format, graded: readonly GradedExercise[]): string {
  switch (format) {
    case 'table':
      return formatTable(graded);
    case 'json':
      return formatJson(graded);
    case 'junit':
      return formatJunit(graded);
    case 'csv':
      return formatCsv(graded);
  }
}
