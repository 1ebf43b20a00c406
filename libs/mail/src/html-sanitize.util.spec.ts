import { sanitizeEmailHtml } from './html-sanitize.util';

describe('sanitizeEmailHtml', () => {
  it.each([
    ['<p>مرحباً</p><script>alert(1)</script>', '<p>مرحباً</p>'],
    ['<img src="x" onerror="alert(1)">', '<img src="x" />'],
    [
      '<a href="javascript:alert(1)">x</a>',
      '<a target="_blank" rel="noopener noreferrer nofollow">x</a>',
    ],
    ['<iframe src="https://evil.test"></iframe><b>ok</b>', '<b>ok</b>'],
    ['<form action="/x"><input name="a"></form>', ''],
    ['<p style="color:red">x</p>', '<p style="color:red">x</p>'],
    ['<p style="background:url(https://track.test/p.gif)">x</p>', '<p>x</p>'],
    ['<img src="cid:logo@x">', '<img src="cid:logo@x" />'],
    ['<div dir="rtl">نص</div>', '<div dir="rtl">نص</div>'],
    ['<style>body{display:none}</style><p>x</p>', '<p>x</p>'],
  ])('%s', (input, expected) => {
    expect(sanitizeEmailHtml(input)).toBe(expected);
  });
});
