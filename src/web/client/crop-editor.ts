/**
 * The crop editor: the picture with the square on it (`crop-area`), the zoom buttons, the square as numbers
 * (`crop-box`) and the 648x648 result as it will be set (`result-preview`). The geometry is crop-box.ts; this file
 * turns gestures into it and draws.
 *
 * Pointer Events, so one code path serves mouse, pen and touch: one pointer drags the square (it follows the
 * finger), two pinch (the square shrinks as the fingers spread, about the point between them), the wheel zooms
 * about the pointer, and the area's CSS sets `touch-action: none` so a phone does not scroll or zoom the page
 * instead. Keys work too (arrows move, + and - zoom), and nothing depends on hovering.
 */
import {
  centreOf,
  clampBox,
  cropText,
  moveBox,
  zoomBox,
  type CropBox,
  type PictureSize,
  type Point,
} from './crop-box.js';

/** The result's side: the size the pipeline writes (648x648), drawn the same way. */
export const RESULT_SIDE = 648;

/** One press of a zoom button or key. */
const ZOOM_STEP = 1.25;

/** The elements the editor drives (found by their `data-testid`s in main.ts). */
export interface CropElements {
  readonly area: HTMLElement;
  readonly image: HTMLImageElement;
  readonly square: HTMLElement;
  readonly zoomIn: HTMLButtonElement;
  readonly zoomOut: HTMLButtonElement;
  readonly boxText: HTMLElement;
  readonly canvas: HTMLCanvasElement;
}

/** A gesture under way: the box and pointer positions it started from. */
interface Gesture {
  readonly box: CropBox;
  readonly pointers: ReadonlyMap<number, Point>;
}

export class CropEditor {
  private picture: PictureSize | null = null;
  private current: CropBox | null = null;
  /** Browser pixels per upright pixel (the browser may decode at another size than the server measured). */
  private drawScale = 1;
  private drawable = false;
  private readonly pointers = new Map<number, Point>();
  private gesture: Gesture | null = null;
  private frame = 0;

  constructor(private readonly elements: CropElements) {
    const { area, zoomIn, zoomOut } = elements;
    area.addEventListener('pointerdown', (event) => {
      this.pointerDown(event);
    });
    area.addEventListener('pointermove', (event) => {
      this.pointerMove(event);
    });
    for (const type of ['pointerup', 'pointercancel', 'lostpointercapture'] as const) {
      area.addEventListener(type, (event) => {
        this.pointerUp(event);
      });
    }
    area.addEventListener(
      'wheel',
      (event) => {
        this.wheel(event);
      },
      { passive: false },
    );
    area.addEventListener('keydown', (event) => {
      this.key(event);
    });
    zoomIn.addEventListener('click', () => {
      this.zoomAtCentre(ZOOM_STEP);
    });
    zoomOut.addEventListener('click', () => {
      this.zoomAtCentre(1 / ZOOM_STEP);
    });
  }

  /** The square now, or null when there is no picture. */
  get box(): CropBox | null {
    return this.current;
  }

  /** True when the browser shows the picture, so the square can be edited and the result drawn. */
  get editable(): boolean {
    return this.drawable;
  }

  /**
   * Shows a picture the browser has decoded (`image` loaded from it), sized `picture` by the server, starting from
   * `initial`. Returns false, leaving the editor in numbers-only mode, when what the browser drew does not have the
   * server's shape (an orientation it did not apply), since a box measured on one would be wrong on the other.
   */
  show(picture: PictureSize, initial: CropBox): boolean {
    const { image } = this.elements;
    const scale = image.naturalWidth / picture.width;
    const sameShape =
      image.naturalWidth > 0 && Math.abs(image.naturalHeight / picture.height - scale) <= 0.01 * scale + 1e-9;
    if (!sameShape) {
      this.showNumbers(picture, initial);
      return false;
    }
    this.picture = picture;
    this.drawScale = scale;
    this.drawable = true;
    this.setEnabled(true);
    this.update(clampBox(initial, picture));
    return true;
  }

  /** The picture cannot be drawn here (HEIC in most browsers): only the automatic square, as numbers. */
  showNumbers(picture: PictureSize, box: CropBox): void {
    this.picture = picture;
    this.drawable = false;
    this.setEnabled(false);
    this.current = clampBox(box, picture);
    this.elements.boxText.textContent = cropText(this.current);
  }

  /** Forgets the picture. */
  clear(): void {
    this.picture = null;
    this.current = null;
    this.drawable = false;
    this.pointers.clear();
    this.gesture = null;
    this.setEnabled(false);
    this.elements.boxText.textContent = '';
    this.elements.canvas.getContext('2d')?.clearRect(0, 0, RESULT_SIDE, RESULT_SIDE);
  }

  private setEnabled(enabled: boolean): void {
    const { area, zoomIn, zoomOut, canvas } = this.elements;
    area.classList.toggle('undrawable', !enabled);
    area.tabIndex = enabled ? 0 : -1;
    zoomIn.disabled = !enabled;
    zoomOut.disabled = !enabled;
    canvas.hidden = !enabled;
  }

  /** Shows `box`: the square over the picture, the numbers, and (once per frame) the result. */
  private update(box: CropBox): void {
    const { picture } = this;
    if (picture === null) return;
    this.current = box;
    const { square, boxText } = this.elements;
    const percent = (value: number, of: number) => `${((value / of) * 100).toFixed(4)}%`;
    // CSSOM, not a style attribute: the page's policy (style-src 'self') allows the one, not the other.
    square.style.left = percent(box.x, picture.width);
    square.style.top = percent(box.y, picture.height);
    square.style.width = percent(box.side, picture.width);
    square.style.height = percent(box.side, picture.height);
    boxText.textContent = cropText(box);
    if (this.frame === 0) {
      this.frame = requestAnimationFrame(() => {
        this.frame = 0;
        this.drawResult();
      });
    }
  }

  /** The square of the picture scaled to 648x648, as the pipeline will write it. */
  private drawResult(): void {
    const box = this.current;
    const context = this.elements.canvas.getContext('2d');
    if (box === null || context === null || !this.drawable) return;
    const s = this.drawScale;
    context.imageSmoothingEnabled = true;
    context.imageSmoothingQuality = 'high';
    context.clearRect(0, 0, RESULT_SIDE, RESULT_SIDE);
    context.drawImage(
      this.elements.image,
      box.x * s,
      box.y * s,
      box.side * s,
      box.side * s,
      0,
      0,
      RESULT_SIDE,
      RESULT_SIDE,
    );
  }

  /** Upright pixels per CSS pixel of the picture as shown now, and where it is. */
  private layout(): { scale: number; rect: DOMRect } | null {
    const rect = this.elements.image.getBoundingClientRect();
    if (this.picture === null || rect.width === 0) return null;
    return { scale: this.picture.width / rect.width, rect };
  }

  /** A point on screen in upright pixels. */
  private toPicture(point: Point): Point | null {
    const layout = this.layout();
    if (layout === null) return null;
    return { x: (point.x - layout.rect.left) * layout.scale, y: (point.y - layout.rect.top) * layout.scale };
  }

  private startGesture(): void {
    this.gesture = this.current === null ? null : { box: this.current, pointers: new Map(this.pointers) };
  }

  private pointerDown(event: PointerEvent): void {
    if (!this.drawable || (event.pointerType === 'mouse' && event.button !== 0)) return;
    event.preventDefault();
    this.elements.area.setPointerCapture(event.pointerId);
    this.elements.area.focus({ preventScroll: true });
    this.pointers.set(event.pointerId, { x: event.clientX, y: event.clientY });
    this.startGesture();
  }

  private pointerMove(event: PointerEvent): void {
    if (!this.pointers.has(event.pointerId)) return;
    this.pointers.set(event.pointerId, { x: event.clientX, y: event.clientY });
    const { gesture, picture } = this;
    const layout = this.layout();
    if (gesture === null || picture === null || layout === null) return;
    const ids = [...gesture.pointers.keys()].filter((id) => this.pointers.has(id));
    const [first, second] = ids.map((id) => ({ from: gesture.pointers.get(id), to: this.pointers.get(id) }));
    if (first?.from === undefined || first.to === undefined) return;
    if (second?.from === undefined || second.to === undefined) {
      const dx = (first.to.x - first.from.x) * layout.scale;
      const dy = (first.to.y - first.from.y) * layout.scale;
      this.update(moveBox(gesture.box, dx, dy, picture));
      return;
    }
    // Pinch: spreading the fingers zooms in about where they started, and the pair moving drags the square.
    const distance = (a: Point, b: Point) => Math.hypot(a.x - b.x, a.y - b.y);
    const middle = (a: Point, b: Point): Point => ({ x: (a.x + b.x) / 2, y: (a.y + b.y) / 2 });
    const before = distance(first.from, second.from);
    if (before < 1) return;
    const factor = distance(first.to, second.to) / before;
    const focus = this.toPicture(middle(first.from, second.from));
    if (focus === null) return;
    const zoomed = zoomBox(gesture.box, factor, focus, picture);
    const start = middle(first.from, second.from);
    const end = middle(first.to, second.to);
    this.update(moveBox(zoomed, (end.x - start.x) * layout.scale, (end.y - start.y) * layout.scale, picture));
  }

  private pointerUp(event: PointerEvent): void {
    if (!this.pointers.delete(event.pointerId)) return;
    // The fingers left start a new gesture from where the square is, so lifting one does not make it jump.
    this.startGesture();
  }

  private wheel(event: WheelEvent): void {
    const { picture, current } = this;
    if (!this.drawable || picture === null || current === null) return;
    event.preventDefault();
    const lines = event.deltaMode === WheelEvent.DOM_DELTA_LINE ? 16 : 1;
    const factor = Math.exp((-event.deltaY * lines) / 500);
    const focus = this.toPicture({ x: event.clientX, y: event.clientY }) ?? centreOf(current);
    this.update(zoomBox(current, factor, focus, picture));
  }

  private zoomAtCentre(factor: number): void {
    const { picture, current } = this;
    if (picture === null || current === null) return;
    this.update(zoomBox(current, factor, centreOf(current), picture));
  }

  private key(event: KeyboardEvent): void {
    const { picture, current } = this;
    if (!this.drawable || picture === null || current === null) return;
    const step = Math.max(1, Math.round(current.side / (event.shiftKey ? 10 : 50)));
    const moves: Record<string, [number, number]> = {
      ArrowLeft: [-step, 0],
      ArrowRight: [step, 0],
      ArrowUp: [0, -step],
      ArrowDown: [0, step],
    };
    const move = moves[event.key];
    if (move !== undefined) this.update(moveBox(current, move[0], move[1], picture));
    else if (event.key === '+' || event.key === '=') this.zoomAtCentre(ZOOM_STEP);
    else if (event.key === '-') this.zoomAtCentre(1 / ZOOM_STEP);
    else return;
    event.preventDefault();
  }
}
