// Print a page or a single-file module to PDF as a trainer would for a
// handout: node tests/browser/print.mjs PAGE.html OUT.pdf (PAGE relative to dist/)
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { launch, dist } from './lib.mjs';

const [rel, out = '/tmp/darslik-print.pdf'] = process.argv.slice(2);
const browser = await launch();
const page = await browser.newPage();
await page.goto(pathToFileURL(path.join(dist(), rel)).href);
await page.emulateMedia({ media: 'print' });
await page.pdf({ path: out, format: 'A4', printBackground: false, margin: { top: '15mm', bottom: '15mm', left: '15mm', right: '15mm' } });
console.log(out);
await browser.close();
