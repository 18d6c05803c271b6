/** What a key pressed on the grid (not in an editor) means, as in Excel. */
import type { KeyboardEvent } from 'react';

export type GridKeyAction =
  /** Ctrl+Z, Ctrl+Y: the preview has no undo, and says so. */
  | { readonly kind: 'undo' }
  | { readonly kind: 'move'; readonly rows: number; readonly cols: number }
  /** Enter, F2: edit the selected cell's content. */
  | { readonly kind: 'edit' }
  /** A printable key: replace the selected cell's content, starting with that text. */
  | { readonly kind: 'type'; readonly text: string }
  /** Delete, Backspace: empty the selected cell. */
  | { readonly kind: 'clear' };

const MOVES: Readonly<Record<string, readonly [number, number]>> = { ArrowUp: [-1, 0], ArrowDown: [1, 0], ArrowLeft: [0, -1], ArrowRight: [0, 1], Tab: [0, 1] };

export function gridKeyAction(event: KeyboardEvent<HTMLElement>): GridKeyAction | null {
  const { key } = event;
  if ((event.ctrlKey || event.metaKey) && (key === 'z' || key === 'y' || key === 'Z' || key === 'Y')) return { kind: 'undo' };
  const move = MOVES[key];
  if (move) return { kind: 'move', rows: move[0], cols: move[1] };
  if (key === 'Enter' || key === 'F2') return { kind: 'edit' };
  if (key === 'Delete' || key === 'Backspace') return { kind: 'clear' };
  if (key.length === 1 && !event.ctrlKey && !event.metaKey && !event.altKey && !event.nativeEvent.isComposing) return { kind: 'type', text: key };
  return null;
}
