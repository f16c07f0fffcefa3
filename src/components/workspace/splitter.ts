// a resize handle (role=separator) that mouse, touch and keyboard can move: arrows by 5 %,
// Home/End to the bounds. it sets a CSS variable on its container and remembers nothing itself.
import { resizeBy, type Split } from './split.ts';

export function bindSplitter(handle: HTMLElement, container: HTMLElement, variable: string): void {
  const vertical = handle.getAttribute('aria-orientation') === 'vertical';
  let split: Split = {
    percent: Number(handle.getAttribute('aria-valuenow')),
    min: Number(handle.getAttribute('aria-valuemin')),
    max: Number(handle.getAttribute('aria-valuemax')),
  };
  const apply = (next: Split) => {
    split = next;
    container.style.setProperty(variable, `${split.percent}%`);
    handle.setAttribute('aria-valuenow', String(Math.round(split.percent)));
  };
  handle.addEventListener('keydown', (e) => {
    const back = vertical ? 'ArrowLeft' : 'ArrowUp';
    const forward = vertical ? 'ArrowRight' : 'ArrowDown';
    if (e.key === 'Home') apply({ ...split, percent: split.min });
    else if (e.key === 'End') apply({ ...split, percent: split.max });
    else if (e.key === back) apply(resizeBy(split, -5));
    else if (e.key === forward) apply(resizeBy(split, 5));
    else return;
    e.preventDefault();
  });
  handle.addEventListener('pointerdown', (e) => {
    e.preventDefault();
    handle.setPointerCapture(e.pointerId);
    const box = container.getBoundingClientRect();
    const move = (ev: PointerEvent) => {
      const percent = vertical ? ((ev.clientX - box.left) / box.width) * 100 : ((ev.clientY - box.top) / box.height) * 100;
      apply(resizeBy({ ...split, percent: 0 }, percent));
    };
    const up = () => {
      handle.removeEventListener('pointermove', move);
      handle.removeEventListener('pointerup', up);
    };
    handle.addEventListener('pointermove', move);
    handle.addEventListener('pointerup', up);
  });
}
