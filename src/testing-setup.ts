// vitest setup: property tests explore new random cases on a developer's machine, but in CI
// (CI=true) they run from one fixed seed, so a run is repeatable and a failure can be replayed.
// a counterexample found locally becomes a fixed regression test beside its property.
import fc from 'fast-check';

if (process.env['CI']) fc.configureGlobal({ seed: 20261121 });
