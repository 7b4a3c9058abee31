/**
 * The Teams page (issue 16): signs in (session.ts), lists whose photo the person may change, shows the chosen
 * one's photo, lets them pick or drop a picture, shows the automatic square the server suggests on it for them to
 * move and zoom (crop-editor.ts), sets it with the square they chose, and offers Undo. Every word comes from the
 * strings the server embedded in the page's language, every refusal is the API's own localized sentence, and the
 * status line (`role=status`) says what happened.
 *
 * The markup is the server's (src/web/tab-page.ts); this finds its parts by their `data-testid`, the same names the
 * browser tests use.
 */
import { boxFromCrop, cropText } from './crop-box.js';
import { CropEditor } from './crop-editor.js';
import { ApiError, PhotoApi, type Suggestion } from './api.js';
import { signIn, type HostContext } from './session.js';
import { readStrings, type Translate } from './strings.js';
import { TargetChooser } from './target-chooser.js';
import { PLACEHOLDER_PHOTO } from '../placeholder-photo.js';

/** The element matching `selector`, of the expected kind; the markup is ours, so a miss is a bug. */
function find<T extends HTMLElement>(selector: string, kind: new () => T): T {
  const element = document.querySelector(selector);
  if (!(element instanceof kind)) throw new Error(`the page has no ${selector}`);
  return element;
}

/** The element with `data-testid="<id>"`. */
function part<T extends HTMLElement>(id: string, kind: new () => T): T {
  return find(`[data-testid="${id}"]`, kind);
}

/**
 * Inside Teams the tab's address already carries `?locale={locale}`; if the host's language still differs from the
 * page's (a page opened some other way), reload once with the host's. Returns true when reloading.
 */
function followHostLocale(context: HostContext): boolean {
  const url = new URL(location.href);
  if (context.locale === '' || url.searchParams.get('locale') === context.locale) return false;
  const pageLanguage = document.documentElement.lang.toLowerCase().split('-')[0];
  if (context.locale.toLowerCase().split('-')[0] === pageLanguage) return false;
  url.searchParams.set('locale', context.locale);
  location.replace(url.href);
  return true;
}

function applyTheme(theme: string): void {
  document.documentElement.dataset.theme = /^[a-z]+$/.test(theme) ? theme : 'default';
}

/** The page's state and behaviour once signed in. */
class PhotoPage {
  private picture: Blob | null = null;
  private suggestion: Suggestion | null = null;
  /** Bumped for every picture chosen, so answers about an older one are dropped. */
  private generation = 0;
  private objectUrls = new Map<string, string>();
  private lastChange: { changeId: string; target: string } | null = null;
  private busy = false;

  private readonly status = part('status', HTMLElement);
  private readonly note = find('.note', HTMLElement);
  private readonly current = part('current-photo', HTMLImageElement);
  private readonly fileInput = part('file-input', HTMLInputElement);
  private readonly dropZone = part('drop-zone', HTMLElement);
  private readonly editorPanel = find('.editor', HTMLElement);
  private readonly image = find('.crop-image', HTMLImageElement);
  private readonly setButton = part('set-photo', HTMLButtonElement);
  private readonly undoButton = part('undo', HTMLButtonElement);
  private readonly useAnywayButton = part('use-anyway', HTMLButtonElement);
  private readonly editor = new CropEditor({
    area: part('crop-area', HTMLElement),
    image: this.image,
    square: find('.crop-square', HTMLElement),
    zoomIn: part('zoom-in', HTMLButtonElement),
    zoomOut: part('zoom-out', HTMLButtonElement),
    boxText: part('crop-box', HTMLElement),
    canvas: part('result-preview', HTMLCanvasElement),
  });
  private readonly targets: TargetChooser;

  constructor(
    private readonly api: PhotoApi,
    private readonly t: Translate,
  ) {
    this.targets = new TargetChooser(part('target-select', HTMLSelectElement), t);
    this.targets.element.addEventListener('change', () => {
      void this.showCurrent();
    });
    this.fileInput.addEventListener('change', () => {
      const file = this.fileInput.files?.[0];
      if (file !== undefined) void this.choose(file);
    });
    // The input covers the zone, so most drops land on it; take them here whichever element they hit.
    this.dropZone.addEventListener('dragover', (event) => {
      event.preventDefault();
      this.dropZone.classList.add('dragging');
    });
    this.dropZone.addEventListener('dragleave', () => {
      this.dropZone.classList.remove('dragging');
    });
    this.dropZone.addEventListener('drop', (event) => {
      event.preventDefault();
      this.dropZone.classList.remove('dragging');
      // The file input is disabled while a request is under way; a drop must wait the same way.
      const file = event.dataTransfer?.files[0];
      if (file !== undefined && !this.busy) void this.choose(file);
    });
    this.setButton.addEventListener('click', () => {
      void this.setPhoto();
    });
    this.useAnywayButton.addEventListener('click', () => {
      void this.setPhoto(true);
    });
    this.undoButton.addEventListener('click', () => {
      void this.undo();
    });
  }

  async start(): Promise<void> {
    this.say(this.t('tab.status.chooseFile'));
    try {
      const [me, targets] = await Promise.all([this.api.me(), this.api.targets()]);
      this.targets.fill(me, targets);
    } catch (error) {
      this.fail(error);
    }
    await this.showCurrent();
  }

  private say(text: string, note = ''): void {
    this.status.textContent = text;
    this.note.textContent = note;
    this.note.hidden = note === '';
  }

  private fail(error: unknown): void {
    if (!(error instanceof ApiError)) {
      this.say(this.t('error.generic'));
      return;
    }
    // A quality refusal's findings go under the sentence; a warning can be overridden.
    this.say(error.message, error.details.join(' '));
    this.useAnywayButton.hidden = error.code !== 'PhotoQualityWarning';
  }

  private setBusy(busy: boolean): void {
    this.busy = busy;
    this.fileInput.disabled = busy;
    this.targets.element.disabled = busy;
    this.setButton.disabled = busy || this.picture === null || this.suggestion === null;
    this.undoButton.disabled = busy;
    this.useAnywayButton.disabled = busy;
  }

  /** A blob: URL for `blob` under `slot`, revoking the one it replaces. */
  private objectUrl(slot: string, blob: Blob | null): string | null {
    const old = this.objectUrls.get(slot);
    if (old !== undefined) URL.revokeObjectURL(old);
    this.objectUrls.delete(slot);
    if (blob === null) return null;
    const url = URL.createObjectURL(blob);
    this.objectUrls.set(slot, url);
    return url;
  }

  private showPhoto(src: string | null): void {
    this.current.src = src ?? PLACEHOLDER_PHOTO;
    this.current.alt = src === null ? this.t('tab.current.none') : this.t('tab.current.label');
    this.current.dataset.state = src === null ? 'none' : 'photo';
  }

  private async showCurrent(): Promise<void> {
    const target = this.targets.value;
    this.current.dataset.state = 'loading';
    try {
      const photo = await this.api.current(target);
      if (this.targets.value === target) this.showPhoto(this.objectUrl('current', photo));
    } catch (error) {
      if (this.targets.value === target) {
        this.showPhoto(null);
        this.fail(error);
      }
    }
  }

  private async choose(file: File): Promise<void> {
    const generation = ++this.generation;
    this.useAnywayButton.hidden = true;
    this.picture = file;
    this.suggestion = null;
    this.editor.clear();
    this.setBusy(true);
    this.say(this.t('tab.status.reading'));
    const { image } = this;
    const decoded = (async () => {
      image.src = this.objectUrl('picture', file) ?? '';
      try {
        await image.decode();
        return true;
      } catch {
        return false;
      }
    })();
    try {
      const suggestion = await this.api.suggest(file);
      const drawn = await decoded;
      if (generation !== this.generation) return;
      this.suggestion = suggestion;
      this.editorPanel.hidden = false;
      const picture = { width: suggestion.width, height: suggestion.height };
      const initial = boxFromCrop(suggestion.crop, picture);
      if (drawn && this.editor.show(picture, initial)) {
        this.say(this.t('tab.status.adjust'));
      } else {
        this.editor.showNumbers(picture, initial);
        this.say(this.t('tab.status.cannotDraw'));
      }
    } catch (error) {
      if (generation !== this.generation) return;
      this.picture = null;
      this.editorPanel.hidden = true;
      this.fail(error);
    } finally {
      if (generation === this.generation) this.setBusy(false);
    }
  }

  private async setPhoto(useAnyway = false): Promise<void> {
    const { picture } = this;
    const box = this.editor.box;
    if (picture === null || this.suggestion === null || this.busy) return;
    const target = this.targets.value;
    // The square as edited; a picture the browser cannot draw gets the server's automatic square.
    const crop = this.editor.editable && box !== null ? cropText(box) : null;
    this.setBusy(true);
    this.useAnywayButton.hidden = true;
    this.say(this.t('tab.status.setting'));
    try {
      const result = await this.api.setPhoto(target, picture, crop, useAnyway);
      this.lastChange = { changeId: result.changeId, target };
      if (this.targets.value === target) this.showPhoto(result.previewDataUri);
      this.say(...this.doneText(target));
      this.undoButton.hidden = false;
    } catch (error) {
      this.fail(error);
    } finally {
      this.setBusy(false);
    }
  }

  /** The outcome of setting `target`'s photo, in the bot's words, and the note on how long it takes to show. */
  private doneText(target: string): [string, string] {
    const name = this.targets.nameOf(target);
    if (target.startsWith('group:')) {
      return [this.t('target.updated.group', { name }), this.t('target.updated.propagation')];
    }
    if (target.startsWith('contact:')) {
      return [this.t('target.updated.contact', { name }), this.t('target.updated.contactNote')];
    }
    return [this.t('photo.updated.title'), this.t('photo.updated.propagation')];
  }

  private async undo(): Promise<void> {
    const change = this.lastChange;
    if (change === null || this.busy) return;
    this.setBusy(true);
    this.say(this.t('tab.status.undoing'));
    try {
      const outcome = await this.api.undo(change.changeId);
      this.lastChange = null;
      this.undoButton.hidden = true;
      const own = change.target === 'me';
      if (outcome === 'restored') this.say(this.t(own ? 'undo.restored' : 'undo.other.restored'));
      else this.say(this.t(own ? 'undo.removed' : 'undo.other.removed'));
    } catch (error) {
      this.fail(error);
    } finally {
      this.setBusy(false);
    }
    await this.showCurrent();
  }
}

async function main(): Promise<void> {
  const t = readStrings(document);
  const status = part('status', HTMLElement);
  status.textContent = t('tab.status.signingIn');
  const result = await signIn();
  if (result.kind === 'teams') {
    if (followHostLocale(result.context)) return;
    applyTheme(result.context.theme);
    result.context.onThemeChange(applyTheme);
  }
  if (result.kind === 'elsewhere') {
    status.textContent = t('tab.status.openInTeams');
    return;
  }
  if (result.kind === 'failed') {
    status.textContent = t(result.reason === 'teams' ? 'tab.status.signInFailed' : 'tab.status.offline');
    return;
  }
  const api = new PhotoApi(result.session, document.documentElement.lang, {
    offline: t('tab.status.offline'),
    generic: t('error.generic'),
  });
  document.documentElement.dataset.signedIn = result.kind;
  await new PhotoPage(api, t).start();
}

void main();
