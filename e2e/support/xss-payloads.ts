/**
 * A stored-XSS corpus: each payload calls `__xss(n)` (counted by the page) or alert(n) (a dialog) if
 * it ever runs. Classic vectors, attribute breakouts, URL schemes, SVG/MathML, encodings, Markdown-
 * specific tricks (links, images, autolinks, reference links, HTML blocks) and template syntax.
 */
const calls = (n: number) => [`__xss(${n})`, `alert(${n})`][n % 2]!;

const shapes: ((js: string) => string)[] = [
  (js) => `<script>${js}</script>`,
  (js) => `<img src=x onerror=${js}>`,
  (js) => `<img src="x" onerror="${js}">`,
  (js) => `<svg onload=${js}>`,
  (js) => `<svg><script>${js}</script></svg>`,
  (js) => `<body onload=${js}>`,
  (js) => `<iframe src="javascript:${js}"></iframe>`,
  (js) => `<iframe srcdoc="<script>${js}</script>"></iframe>`,
  (js) => `<a href="javascript:${js}">click</a>`,
  (js) => `<a href="JaVaScRiPt:${js}">click</a>`,
  (js) => `<a href="&#106;avascript:${js}">click</a>`,
  (js) => `<a href=" javascript:${js}">click</a>`,
  (js) => `<div onmouseover="${js}">hover</div>`,
  (js) => `<details open ontoggle=${js}>`,
  (js) => `<input autofocus onfocus=${js}>`,
  (js) => `<select autofocus onfocus=${js}>`,
  (js) => `<textarea autofocus onfocus=${js}>`,
  (js) => `<video><source onerror="${js}"></video>`,
  (js) => `<audio src=x onerror=${js}>`,
  (js) => `<object data="javascript:${js}">`,
  (js) => `<embed src="javascript:${js}">`,
  (js) => `<form action="javascript:${js}"><button>go</button></form>`,
  (js) => `<math><mtext><table><mglyph><style><img src=x onerror=${js}>`,
  (js) => `<style>@import 'javascript:${js}';</style>`,
  (js) => `<link rel=stylesheet href="javascript:${js}">`,
  (js) => `<meta http-equiv="refresh" content="0;url=javascript:${js}">`,
  (js) => `<base href="javascript:${js}//">`,
  (js) => `"><script>${js}</script>`,
  (js) => `'><img src=x onerror=${js}>`,
  (js) => `</textarea><script>${js}</script>`,
  (js) => `</title><script>${js}</script>`,
  (js) => `<scr<script>ipt>${js}</scr</script>ipt>`,
  (js) => `<SCRIPT SRC=data:text/javascript,${js}></SCRIPT>`,
  (js) => `<img src=x:x onerror=${js}//`,
  (js) => `<svg><a xlink:href="javascript:${js}"><text x="20" y="20">x</text></a></svg>`,
  (js) => `<x onclick=${js}>click me`,
  (js) => `<isindex type=image src=1 onerror=${js}>`,
  (js) => `<marquee onstart=${js}>`,
  (js) => `<img src="x" onerror="&#x61;&#x6C;&#x65;&#x72;&#x74;(1);${js}">`,
  (js) => `<noscript><p title="</noscript><img src=x onerror=${js}>">`,
  // Markdown
  (js) => `[click me](javascript:${js})`,
  (js) => `[click me](JAVASCRIPT:${js})`,
  (js) => `[click me](javascript&#58;${js})`,
  (js) => `[click me](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==) ${js}`,
  (js) => `![x](x" onerror="${js})`,
  (js) => `![x](javascript:${js})`,
  (js) => `<javascript:${js}>`,
  (js) => `[ref]\n\n[ref]: javascript:${js}`,
  (js) => `[a](<javascript:${js}>)`,
  (js) => `\`\`\`html\n<script>${js}</script>\n\`\`\``,
  (js) => `**<img src=x onerror=${js}>**`,
  (js) => `> <script>${js}</script>`,
  (js) => `<div>\n\n<script>${js}</script>\n\n</div>`,
  // Template and framework syntax: must stay text.
  (js) => `{{constructor.constructor('${js}')()}}`,
  (js) => `\${${js}}`,
  (js) => `{{= ${js} }}`,
];

export const xssPayloads: string[] = shapes.flatMap((shape, i) => [shape(calls(2 * i + 1)), shape(calls(2 * i + 2))]);
