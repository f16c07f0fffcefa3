// the page's other scripts, once the terminal has written its first prompt. the build step
// (src/build/terminal-first.ts) turns them into inert <script type="kubesim/after-prompt">
// blocks, so they do not compete with the terminal while the page loads; this file runs as a
// deferred module right after the terminal's (the prompt is written by then) and imports them in
// page order. when the terminal could not load, the rest of the page still gets its scripts.
for (const block of document.querySelectorAll('script[type="kubesim/after-prompt"][data-src]')) {
  void import(block.getAttribute('data-src'));
}
