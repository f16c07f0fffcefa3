// zod, configured once for every schema in the project: no code generation. zod otherwise probes
// `new Function` to see whether it may compile fast parsers, and under the site's
// Content-Security-Policy (no eval) that probe raises a violation report in the browser.
import { z } from 'zod';

z.config({ jitless: true });

export { z };
