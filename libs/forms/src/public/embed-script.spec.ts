import { Script } from 'node:vm';
import { EMBED_MESSAGES, EMBED_SCRIPT, FRAME_SCRIPT } from './embed-script';

/** Just enough of a DOM for the two scripts, recording what they do. */
class FakeStyle {
  readonly props = new Map<string, { value: string; priority: string }>();
  setProperty(name: string, value: string, priority = ''): void {
    this.props.set(name, { value, priority });
  }
}

class FakeElement {
  readonly attrs = new Map<string, string>();
  readonly style = new FakeStyle();
  parentNode: FakeElement | null = null;
  children: FakeElement[] = [];
  contentWindow: object | null = null;
  constructor(readonly tagName: string) {}
  getAttribute(name: string): string | null {
    return this.attrs.get(name) ?? null;
  }
  setAttribute(name: string, value: string): void {
    this.attrs.set(name, value);
  }
  get attributes(): Array<{ name: string; value: string }> {
    return [...this.attrs].map(([name, value]) => ({ name, value }));
  }
  get src(): string {
    return this.getAttribute('src') ?? '';
  }
  get nextSibling(): FakeElement | null {
    const siblings = this.parentNode?.children ?? [];
    return siblings[siblings.indexOf(this) + 1] ?? null;
  }
  insertBefore(child: FakeElement, before: FakeElement | null): void {
    child.parentNode = this;
    const at = before ? this.children.indexOf(before) : -1;
    if (at < 0) this.children.push(child);
    else this.children.splice(at, 0, child);
  }
  appendChild(child: FakeElement): void {
    this.insertBefore(child, null);
  }
  getBoundingClientRect() {
    return { top: 0, height: 0 };
  }
}

function hostPage(scripts: Array<Record<string, string>>) {
  const body = new FakeElement('body');
  const head = new FakeElement('head');
  for (const attrs of scripts) {
    const script = new FakeElement('script');
    for (const [name, value] of Object.entries(attrs)) script.setAttribute(name, value);
    body.appendChild(script);
  }
  const listeners: Array<(event: unknown) => void> = [];
  const navigations: string[] = [];
  const location = {
    href: 'https://shop.example/contact?x=1#top',
    assign: (u: string) => navigations.push(u),
  };
  const document = {
    head,
    body,
    readyState: 'complete',
    createElement: (tag: string) => {
      const el = new FakeElement(tag);
      if (tag === 'iframe') el.contentWindow = { frame: true };
      return el;
    },
    querySelectorAll: (selector: string) => {
      expect(selector).toBe('script[data-sanad-form]');
      return body.children.filter(
        (c) => c.tagName === 'script' && c.getAttribute('data-sanad-form'),
      );
    },
    addEventListener: () => undefined,
  };
  const window: Record<string, unknown> = {
    location,
    addEventListener: (type: string, listener: (event: unknown) => void) => {
      if (type === 'message') listeners.push(listener);
    },
  };
  const run = () => runScript(EMBED_SCRIPT, { window, document, location, URL, URLSearchParams });
  const frames = () => body.children.filter((c) => c.tagName === 'iframe');
  const send = (event: unknown) => listeners.forEach((l) => l(event));
  return { run, frames, send, listeners, navigations, body };
}

/** Runs a served script as a browser would, with these globals (the rest are Node's). */
function runScript(source: string, globals: Record<string, unknown> = {}): void {
  // eslint-disable-next-line @typescript-eslint/no-implied-eval -- running the served source is the point
  const script = new Function(...Object.keys(globals), source) as (...values: unknown[]) => void;
  script(...Object.values(globals));
}

const SRC = 'https://sanad.example/public/forms/embed.js';

describe('embed.js', () => {
  it('parses as a script, and is one IIFE', () => {
    expect(() => new Script(EMBED_SCRIPT)).not.toThrow();
    expect(EMBED_SCRIPT.trim()).toMatch(/^\(function \(\) \{[\s\S]*\}\)\(\);$/);
  });

  it('puts an iframe after each tag, on the script origin, with language, hidden fields and the page', () => {
    const page = hostPage([
      {
        src: SRC,
        'data-sanad-form': 'k7Qm2xPa',
        'data-lang': 'en',
        'data-hidden-order_id': 'A&1 2',
      },
      { src: SRC, 'data-sanad-form': 'other' },
    ]);
    page.run();
    const [first, second] = page.frames();
    expect(page.body.children.map((c) => c.tagName)).toEqual([
      'script',
      'iframe',
      'script',
      'iframe',
    ]);
    const url = new URL(first.getAttribute('src')!);
    expect(url.origin).toBe('https://sanad.example');
    expect(url.pathname).toBe('/f/k7Qm2xPa');
    expect(url.searchParams.get('embed')).toBe('1');
    expect(url.searchParams.get('lang')).toBe('en');
    expect(url.searchParams.get('order_id')).toBe('A&1 2');
    expect(url.searchParams.get('page')).toBe('https://shop.example/contact?x=1#top');
    expect(first.getAttribute('title')).toBe('Form');
    expect(new URL(second.getAttribute('src')!).searchParams.has('lang')).toBe(false);
    expect(second.getAttribute('title')).toBe('نموذج');
  });

  it('styles the iframe inline and !important, both ways', () => {
    const page = hostPage([{ src: SRC, 'data-sanad-form': 'k' }]);
    page.run();
    const frame = page.frames()[0];
    const inline = frame.getAttribute('style')!;
    for (const rule of [
      'display:block !important',
      'width:100% !important',
      'border:0 !important',
      'min-height:160px !important',
    ])
      expect(inline).toContain(rule);
    expect(frame.style.props.get('display')).toEqual({ value: 'block', priority: 'important' });
    expect(frame.style.props.get('visibility')).toEqual({
      value: 'visible',
      priority: 'important',
    });
  });

  it('is idempotent when included twice', () => {
    const page = hostPage([{ src: SRC, 'data-sanad-form': 'k' }]);
    page.run();
    page.run();
    expect(page.frames()).toHaveLength(1);
    expect(page.listeners).toHaveLength(1);
  });

  it('sizes the iframe from its own messages only', () => {
    const page = hostPage([{ src: SRC, 'data-sanad-form': 'k' }]);
    page.run();
    const frame = page.frames()[0];
    const height = () => frame.style.props.get('height')?.value;
    const message = { type: EMBED_MESSAGES.height, key: 'k', height: 812.4 };
    page.send({ data: message, origin: 'https://evil.example', source: frame.contentWindow });
    page.send({ data: message, origin: 'https://sanad.example', source: { other: true } });
    page.send({
      data: { ...message, key: 'other' },
      origin: 'https://sanad.example',
      source: frame.contentWindow,
    });
    page.send({
      data: { ...message, height: 'NaN' },
      origin: 'https://sanad.example',
      source: frame.contentWindow,
    });
    expect(height()).toBe('480px');
    page.send({ data: message, origin: 'https://sanad.example', source: frame.contentWindow });
    expect(height()).toBe('813px');
    expect(frame.getAttribute('style')).toContain('height:813px !important');
  });

  it('sends the top page to the redirect after a submission, only for http(s)', () => {
    const page = hostPage([{ src: SRC, 'data-sanad-form': 'k' }]);
    page.run();
    const frame = page.frames()[0];
    const from = { origin: 'https://sanad.example', source: frame.contentWindow };
    page.send({
      ...from,
      data: { type: EMBED_MESSAGES.submitted, key: 'k', redirectUrl: 'javascript:alert(1)' },
    });
    page.send({
      ...from,
      origin: 'https://evil.example',
      data: { type: EMBED_MESSAGES.submitted, key: 'k', redirectUrl: 'https://evil.example/' },
    });
    expect(page.navigations).toEqual([]);
    page.send({
      ...from,
      data: {
        type: EMBED_MESSAGES.submitted,
        key: 'k',
        redirectUrl: 'https://shop.example/thanks',
      },
    });
    expect(page.navigations).toEqual(['https://shop.example/thanks']);
  });
});

describe('frame.js', () => {
  function framePage(attrs: Record<string, string>, ResizeObserver?: unknown) {
    const posted: Array<{ message: Record<string, unknown>; target: string }> = [];
    const root = new FakeElement('html');
    for (const [n, v] of Object.entries(attrs)) root.setAttribute(n, v);
    root.getBoundingClientRect = () => ({ top: 0, height: 640.2 });
    const parent = {
      postMessage: (message: Record<string, unknown>, target: string) =>
        posted.push({ message, target }),
    };
    const listeners: string[] = [];
    const window = { parent, addEventListener: (type: string) => listeners.push(`window:${type}`) };
    const document = {
      documentElement: root,
      body: new FakeElement('body'),
      readyState: 'complete',
      addEventListener: (type: string) => listeners.push(`document:${type}`),
    };
    runScript(FRAME_SCRIPT, { window, document, ResizeObserver });
    return { posted, listeners };
  }

  it('parses as a script', () => {
    expect(() => new Script(FRAME_SCRIPT)).not.toThrow();
  });

  it('posts its height with the form key, and watches it with a ResizeObserver', () => {
    const observed: unknown[] = [];
    class Observer {
      constructor(readonly cb: () => void) {}
      observe(target: unknown) {
        observed.push(target);
      }
    }
    const { posted } = framePage({ 'data-sanad-form': 'k' }, Observer);
    expect(posted).toEqual([
      { message: { type: EMBED_MESSAGES.height, height: 641, key: 'k' }, target: '*' },
    ]);
    expect(observed).toHaveLength(1);
  });

  it('falls back to input and resize events without ResizeObserver', () => {
    const { listeners } = framePage({ 'data-sanad-form': 'k' }, undefined);
    expect(listeners).toEqual(
      expect.arrayContaining(['window:resize', 'document:input', 'window:load']),
    );
  });

  it('says the form was submitted on the thank-you page, with the redirect', () => {
    const { posted } = framePage(
      {
        'data-sanad-form': 'k',
        'data-sanad-submitted': '1',
        'data-sanad-redirect': 'https://shop.example/t',
      },
      undefined,
    );
    expect(posted.map((p) => p.message)).toContainEqual({
      type: EMBED_MESSAGES.submitted,
      key: 'k',
      redirectUrl: 'https://shop.example/t',
    });
  });
});
