/**
 * The two small scripts of the form embed, as the source text the controller serves
 * (`application/javascript`). Plain ES2017 in an IIFE, no dependencies: they run on sites we do
 * not control, so they assume nothing about the host page.
 *
 * The host page writes
 *   <script src="https://sanad.example/public/forms/embed.js" data-sanad-form="KEY"
 *           data-lang="ar" data-hidden-order_id="1234" async></script>
 * and gets an iframe after the tag, sized to the form by messages from the iframe's page.
 */

/** Message types between the iframe page (frame.js) and the host page (embed.js). */
export const EMBED_MESSAGES = {
  height: 'sanad-form:height',
  submitted: 'sanad-form:submitted',
} as const;

/** `/public/forms/embed.js`, included on the host page. */
export const EMBED_SCRIPT = `(function () {
  'use strict';
  var REGISTRY = '__sanadFormsEmbed';
  if (window[REGISTRY]) { window[REGISTRY].scan(); return; }

  var HIDDEN_PREFIX = 'data-hidden-';
  var TITLES = { ar: '\\u0646\\u0645\\u0648\\u0630\\u062c', en: 'Form' };
  var frames = [];

  // Inline and !important, twice over: a host page's "* { all: unset }" or
  // "iframe { display: none !important }" loses against an important inline declaration.
  var STYLE = {
    display: 'block',
    visibility: 'visible',
    opacity: '1',
    position: 'static',
    width: '100%',
    'max-width': '100%',
    'min-width': '0',
    height: '480px',
    'min-height': '160px',
    border: '0',
    margin: '0',
    padding: '0',
    background: 'transparent',
    'color-scheme': 'normal',
    'box-sizing': 'border-box',
    overflow: 'hidden'
  };

  function styleOf(frame, height) {
    var css = '';
    var names = Object.keys(STYLE);
    for (var i = 0; i < names.length; i++) {
      var value = names[i] === 'height' && height ? height + 'px' : STYLE[names[i]];
      css += names[i] + ':' + value + ' !important;';
      frame.style.setProperty(names[i], value, 'important');
    }
    return css;
  }

  function applyStyle(frame, height) {
    var css = styleOf(frame, height);
    frame.setAttribute('style', css);
    styleOf(frame, height);
  }

  function mount(script) {
    var key = script.getAttribute('data-sanad-form');
    if (!key || script.getAttribute('data-sanad-mounted') === '1') return;
    var source;
    try { source = new URL(script.getAttribute('src') || script.src, location.href); } catch (e) { return; }
    if (source.protocol !== 'https:' && source.protocol !== 'http:') return;
    script.setAttribute('data-sanad-mounted', '1');

    var params = new URLSearchParams();
    params.set('embed', '1');
    var lang = script.getAttribute('data-lang');
    if (lang) params.set('lang', lang);
    var attrs = script.attributes;
    for (var i = 0; i < attrs.length; i++) {
      var name = attrs[i].name.toLowerCase();
      if (name.indexOf(HIDDEN_PREFIX) === 0 && name.length > HIDDEN_PREFIX.length)
        params.set(name.slice(HIDDEN_PREFIX.length), attrs[i].value);
    }
    params.set('page', location.href);

    var frame = document.createElement('iframe');
    frame.setAttribute('src', source.origin + '/f/' + encodeURIComponent(key) + '?' + params.toString());
    frame.setAttribute('title', script.getAttribute('data-title') || TITLES[lang === 'en' ? 'en' : 'ar']);
    frame.setAttribute('data-sanad-frame', key);
    frame.setAttribute('scrolling', 'no');
    frame.setAttribute('referrerpolicy', 'strict-origin-when-cross-origin');
    applyStyle(frame, 0);

    frames.push({ frame: frame, origin: source.origin, key: key });
    var parent = script.parentNode;
    if (parent && parent !== document.head) parent.insertBefore(frame, script.nextSibling);
    else if (document.body) document.body.appendChild(frame);
    else document.addEventListener('DOMContentLoaded', function () { document.body.appendChild(frame); });
  }

  function scan() {
    var scripts = document.querySelectorAll('script[data-sanad-form]');
    for (var i = 0; i < scripts.length; i++) mount(scripts[i]);
  }

  function onMessage(event) {
    var data = event.data;
    if (!data || typeof data !== 'object' || typeof data.type !== 'string') return;
    for (var i = 0; i < frames.length; i++) {
      var entry = frames[i];
      // Only the iframe we made, from the origin we loaded it from, about the form it shows.
      if (event.source !== entry.frame.contentWindow || event.origin !== entry.origin) continue;
      if (data.key !== entry.key) continue;
      if (data.type === '${EMBED_MESSAGES.height}') {
        var height = Math.ceil(Number(data.height));
        if (isFinite(height) && height > 0 && height < 100000) applyStyle(entry.frame, height);
      } else if (data.type === '${EMBED_MESSAGES.submitted}') {
        var url = typeof data.redirectUrl === 'string' ? data.redirectUrl : '';
        if (/^https?:\\/\\//i.test(url)) { window.location.assign(url); return; }
        var top = entry.frame.getBoundingClientRect().top;
        if (top < 0 && entry.frame.scrollIntoView) entry.frame.scrollIntoView({ block: 'start' });
      }
      return;
    }
  }

  window[REGISTRY] = { scan: scan };
  window.addEventListener('message', onMessage);
  scan();
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', scan);
})();
`;

/** `/public/forms/frame.js`, loaded by the form page when it is inside the embed's iframe. */
export const FRAME_SCRIPT = `(function () {
  'use strict';
  if (window.parent === window) return;
  var root = document.documentElement;
  var key = root.getAttribute('data-sanad-form');
  if (!key || root.getAttribute('data-sanad-frame-ready') === '1') return;
  root.setAttribute('data-sanad-frame-ready', '1');

  var last = 0;
  function post(message) {
    message.key = key;
    // Nothing secret: a height, or the public redirect of a submitted form. The host checks us.
    window.parent.postMessage(message, '*');
  }
  function report() {
    // The document's own height: scrollHeight never drops below the iframe's current height,
    // so a page that got shorter (the thank-you) would keep the old size.
    var height = Math.ceil(root.getBoundingClientRect().height) || root.scrollHeight;
    if (height === last) return;
    last = height;
    post({ type: '${EMBED_MESSAGES.height}', height: height });
  }

  function start() {
    report();
    if (typeof ResizeObserver === 'function') new ResizeObserver(report).observe(document.body || root);
    else {
      window.addEventListener('resize', report);
      document.addEventListener('input', report, true);
      document.addEventListener('change', report, true);
    }
    window.addEventListener('load', report);
    if (root.getAttribute('data-sanad-submitted') === '1')
      post({ type: '${EMBED_MESSAGES.submitted}', redirectUrl: root.getAttribute('data-sanad-redirect') || null });
  }

  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
  else start();
})();
`;
