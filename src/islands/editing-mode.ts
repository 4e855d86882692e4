/**
 * Tab in the code editor: a keyboard user moving down a lesson must not be
 * caught by every editor on the way (one learner put 24 spaces into a Try-it
 * editor that way). So an editor reached by Tab starts in CodeMirror's
 * tab-focus mode, where Tab and Shift+Tab move focus as anywhere else. The
 * learner starts editing by pressing Enter (which then inserts nothing) or by
 * typing; from then on Tab indents. Esc stops editing, so the next Tab leaves.
 * A click into the editor is editing at once: a pointer user never sees this.
 */
import { Prec, type Extension } from '@codemirror/state';
import { EditorView, ViewPlugin, keymap } from '@codemirror/view';

/** Whether the learner is editing, per editor (read by the keymap below and tests through data-editing). */
class EditingState {
  editing = false;
  #pointer = false;
  readonly view: EditorView;
  constructor(view: EditorView) {
    this.view = view;
    // Tab-focus mode is set on each focus (the view's input handling doesn't exist yet here).
    this.#mark();
  }
  pointerDown(): void {
    this.#pointer = true;
  }
  focused(): void {
    if (this.#pointer) this.start();
    else this.stop();
    this.#pointer = false;
  }
  blurred(): void {
    this.#pointer = false;
    this.stop();
  }
  start(): void {
    if (this.editing) return;
    this.editing = true;
    this.view.setTabFocusMode(false);
    this.#mark();
  }
  stop(): void {
    this.editing = false;
    this.view.setTabFocusMode(true);
    this.#mark();
  }
  #mark(): void {
    this.view.contentDOM.dataset.editing = String(this.editing);
  }
}

const editingPlugin = ViewPlugin.define((view) => new EditingState(view), {
  eventHandlers: {
    pointerdown() {
      this.pointerDown();
    },
    focus() {
      this.focused();
    },
    blur() {
      this.blurred();
    },
  },
});

export function editingMode(): Extension {
  const state = (view: EditorView) => view.plugin(editingPlugin);
  return [
    editingPlugin,
    Prec.highest(
      keymap.of([
        {
          key: 'Enter',
          run: (view) => {
            const s = state(view);
            if (!s || s.editing) return false;
            s.start();
            return true;
          },
        },
        {
          key: 'Escape',
          run: (view) => {
            const s = state(view);
            if (!s || !s.editing) return false;
            s.stop();
            return true;
          },
        },
      ]),
    ),
    // Typing (or pasting) is editing too.
    EditorView.updateListener.of((update) => {
      if (update.docChanged && update.transactions.some((tr) => (tr.isUserEvent('input') && !tr.isUserEvent('input.reset')) || tr.isUserEvent('delete'))) state(update.view)?.start();
    }),
  ];
}
