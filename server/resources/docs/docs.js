// Nextup API docs: renders /api/openapi.json (OpenAPI 3.0) with no framework and no network
// access beyond this server, so the page works offline.
'use strict';
(() => {
    const SPEC_URL = '/api/openapi.json';
    const TOKEN_KEY = 'nextup.docs.bearer';
    const METHODS = ['get', 'post', 'put', 'patch', 'delete', 'head', 'options'];
    const LOCK = '<svg viewBox="0 0 16 16" width="14" height="14" aria-hidden="true">' +
        '<path fill="currentColor" d="M4 7V5a4 4 0 1 1 8 0v2h1v8H3V7h1zm2 0h4V5a2 2 0 1 0-4 ' +
        '0v2z"/></svg>';
    let spec = null;

    // ---- small DOM helpers ------------------------------------------------------------------
    function h(tag, attrs, ...children) {
        const el = document.createElement(tag);
        for (const [k, v] of Object.entries(attrs || {})) {
            if (v === undefined || v === null || v === false) continue;
            if (k === 'class') el.className = v;
            else if (k === 'html') el.innerHTML = v;
            else if (k.startsWith('on')) el.addEventListener(k.slice(2), v);
            else el.setAttribute(k, v === true ? '' : v);
        }
        for (const c of children.flat(Infinity)) {
            if (c === null || c === undefined || c === false) continue;
            el.append(c instanceof Node ? c : String(c));
        }
        return el;
    }
    const esc = (s) => String(s).replace(/[&<>"']/g, (c) => ({
        '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c]));
    const pretty = (v) => JSON.stringify(v, null, 2);
    const REQ = () => h('span', { class: 'req', title: 'required' }, '*');
    const problem = (text) => h('p', { class: 'problem' }, text);
    const storedBearer = () => sessionStorage.getItem(TOKEN_KEY) || '';

    // ---- markdown (the subset the description uses) -----------------------------------------
    function inline(text) {
        return String(text).split(/(`[^`]+`)/).map((part) => {
            if (/^`[^`]+`$/.test(part)) return `<code>${esc(part.slice(1, -1))}</code>`;
            return esc(part)
                .replace(/\*\*([^*]+)\*\*/g, '<strong>$1</strong>')
                .replace(/(^|[\s(])\*([^*\s][^*]*)\*/g, '$1<em>$2</em>')
                .replace(/\[([^\]]+)\]\(((?:https?:\/\/|\/|#)[^)\s]*)\)/g,
                    '<a href="$2">$1</a>');
        }).join('');
    }
    const splitRow = (line) => line.trim().replace(/^\||\|$/g, '').split('|').map((c) => c.trim());
    const isBlockStart = (l) => /^(```|#{1,6}\s|\s*\||\s*([-*]|\d+\.)\s)/.test(l);

    function markdown(src) {
        const lines = String(src || '').replace(/\r\n?/g, '\n').split('\n');
        const out = [];
        let i = 0;
        while (i < lines.length) {
            const line = lines[i];
            if (!line.trim()) { i++; continue; }
            if (line.startsWith('```')) {
                const buf = [];
                for (i++; i < lines.length && !lines[i].startsWith('```'); i++) buf.push(lines[i]);
                i++;
                out.push(`<pre class="code"><code>${esc(buf.join('\n'))}</code></pre>`);
                continue;
            }
            const head = /^(#{1,6})\s+(.*)$/.exec(line);
            if (head) {
                const n = Math.min(head[1].length + 1, 6);
                out.push(`<h${n}>${inline(head[2])}</h${n}>`);
                i++;
                continue;
            }
            if (/^\s*\|/.test(line)) {
                const rows = [];
                for (; i < lines.length && /^\s*\|/.test(lines[i]); i++) rows.push(lines[i]);
                const body = rows.filter((r, n) => n !== 1 || !/^[\s|:-]+$/.test(r));
                const [first, ...rest] = body.map(splitRow);
                out.push('<table class="md"><thead><tr>' +
                    first.map((c) => `<th>${inline(c)}</th>`).join('') + '</tr></thead><tbody>' +
                    rest.map((r) => '<tr>' + r.map((c) => `<td>${inline(c)}</td>`).join('') +
                        '</tr>').join('') + '</tbody></table>');
                continue;
            }
            const item = /^\s*([-*]|\d+\.)\s+(.*)$/.exec(line);
            if (item) {
                const tag = /\d/.test(item[1]) ? 'ol' : 'ul';
                const items = [];
                while (i < lines.length) {
                    const m = /^\s*([-*]|\d+\.)\s+(.*)$/.exec(lines[i]);
                    if (m) items.push(m[2]);
                    else if (/^\s+\S/.test(lines[i]) && items.length) items[items.length - 1] +=
                        ' ' + lines[i].trim();
                    else break;
                    i++;
                }
                out.push(`<${tag}>${items.map((t) => `<li>${inline(t)}</li>`).join('')}</${tag}>`);
                continue;
            }
            const para = [];
            for (; i < lines.length && lines[i].trim() && !isBlockStart(lines[i]); i++) {
                para.push(lines[i].trim());
            }
            out.push(`<p>${inline(para.join(' '))}</p>`);
        }
        return out.join('\n');
    }

    // ---- schemas ------------------------------------------------------------------------------
    function resolve(ref) {
        let node = spec;
        for (const part of ref.replace(/^#\//, '').split('/')) {
            node = node && node[part.replace(/~1/g, '/').replace(/~0/g, '~')];
        }
        return node;
    }
    function deref(s) {
        for (let n = 0; s && s.$ref && n < 32; n++) s = resolve(s.$ref);
        return s || {};
    }
    const refName = (s) => (s && s.$ref ? s.$ref.split('/').pop() : null);
    const schemaBadge = (s) => (refName(s) ? h('span', { class: 'sname' }, refName(s)) : null);

    // Flattens allOf (Token + events, Page + items) into one schema for display.
    function merged(schema) {
        const s = deref(schema);
        if (!s.allOf) return s;
        const out = Object.assign({}, s, { properties: Object.assign({}, s.properties),
            required: [...(s.required || [])] });
        delete out.allOf;
        for (const part of s.allOf) {
            const p = merged(part);
            Object.assign(out.properties, p.properties);
            out.required.push(...(p.required || []));
            for (const k of ['type', 'description', 'nullable', 'example']) {
                if (out[k] === undefined && p[k] !== undefined) out[k] = p[k];
            }
        }
        if (!out.type && Object.keys(out.properties).length) out.type = 'object';
        return out;
    }

    function typeLabel(schema) {
        const name = refName(schema);
        const s = merged(schema);
        let t;
        if (s.oneOf || s.anyOf) t = (s.oneOf || s.anyOf).map(typeLabel).join(' | ');
        else if (s.type === 'array') t = `array of ${typeLabel(s.items || {})}`;
        else t = name || s.type || (s.properties ? 'object' : 'any');
        if (!name && s.format && s.type !== 'array') t += ` (${s.format})`;
        if (s.nullable) t += ' | null';
        return t;
    }

    function constraints(s) {
        const c = [];
        if (s.enum) c.push('one of: ' + s.enum.map((v) => JSON.stringify(v)).join(', '));
        const hasMin = s.minimum !== undefined;
        const hasMax = s.maximum !== undefined;
        if (hasMin && hasMax) c.push(`${s.minimum}..${s.maximum}`);
        else if (hasMin) c.push(`≥ ${s.minimum}`);
        else if (hasMax) c.push(`≤ ${s.maximum}`);
        if (s.minLength !== undefined && s.maxLength !== undefined) {
            c.push(`length ${s.minLength}..${s.maxLength}`);
        } else if (s.minLength !== undefined) c.push(`length ≥ ${s.minLength}`);
        else if (s.maxLength !== undefined) c.push(`length ≤ ${s.maxLength}`);
        if (s.pattern) c.push(`pattern ${s.pattern}`);
        if (s.default !== undefined) c.push(`default ${JSON.stringify(s.default)}`);
        if (s.uniqueItems) c.push('unique items');
        if (s.minProperties) c.push(`at least ${s.minProperties} field(s)`);
        return c;
    }

    const hasFields = (s) => !!(s.properties && Object.keys(s.properties).length);
    function nestedOf(schema) {
        const s = merged(schema);
        if (hasFields(s)) return s;
        if (s.type === 'array' && s.items && hasFields(merged(s.items))) return merged(s.items);
        return null;
    }

    function schemaTree(schema, depth = 0, seen = new Set()) {
        const s = merged(schema);
        const name = refName(schema);
        const box = h('div', { class: 'schema' });
        if (!hasFields(s)) {
            box.append(h('div', { class: 'prop' }, h('span', { class: 'type' }, typeLabel(schema)),
                s.description ? h('span', { class: 'desc', html: inline(s.description) }) : null,
                constraints(s).map((c) => h('span', { class: 'chip' }, c))));
            return box;
        }
        if (s.description && depth === 0) {
            box.append(h('p', { class: 'sdesc', html: inline(s.description) }));
        }
        const required = new Set(s.required || []);
        const next = new Set(seen);
        if (name) next.add(name);
        for (const [prop, ps] of Object.entries(s.properties)) {
            const p = merged(ps);
            const row = h('div', { class: 'prop' },
                h('code', { class: 'pname' }, prop), required.has(prop) ? REQ() : null,
                h('span', { class: 'type' }, typeLabel(ps)),
                p.description ? h('span', { class: 'desc', html: inline(p.description) }) : null,
                constraints(p).map((c) => h('span', { class: 'chip' }, c)));
            const inner = nestedOf(ps);
            const innerName = refName(ps) || refName(p.items);
            if (inner && depth < 6 && !(innerName && next.has(innerName))) {
                const d = h('details', { class: 'nested', open: depth < 1 ? true : null },
                    h('summary', {}, innerName || 'fields'));
                d.append(schemaTree(p.type === 'array' ? p.items : ps, depth + 1, next));
                row.append(d);
            }
            box.append(row);
        }
        if (s.oneOf && s.oneOf.every((o) => o.required && !o.properties)) {
            box.append(h('p', { class: 'note' }, 'Exactly one of: ' +
                s.oneOf.map((o) => o.required.join(' + ')).join(' | ')));
        }
        return box;
    }

    function exampleOf(schema, depth = 0) {
        const s = merged(schema);
        if (depth > 8) return null;
        if (s.example !== undefined) return s.example;
        if (s.default !== undefined) return s.default;
        if (s.enum) return s.enum[0];
        if (hasFields(s)) {
            const o = {};
            for (const [k, v] of Object.entries(s.properties)) o[k] = exampleOf(v, depth + 1);
            return o;
        }
        if (s.oneOf || s.anyOf) return exampleOf((s.oneOf || s.anyOf)[0], depth + 1);
        switch (s.type) {
        case 'array': return [exampleOf(s.items || {}, depth + 1)];
        case 'object': return {};
        case 'integer': case 'number': return s.minimum ?? 0;
        case 'boolean': return true;
        case 'string':
            if (s.format === 'date-time') return new Date().toISOString();
            if (s.format === 'date') return new Date().toISOString().slice(0, 10);
            return 'string';
        default: return null;
        }
    }
    function mediaExample(media) {
        if (media.example !== undefined) return media.example;
        if (media.examples) return deref(Object.values(media.examples)[0]).value;
        return media.schema ? exampleOf(media.schema) : undefined;
    }

    // ---- operations ---------------------------------------------------------------------------
    function operations() {
        const ops = [];
        for (const [path, item] of Object.entries(spec.paths || {})) {
            for (const method of METHODS) {
                if (!item[method]) continue;
                const op = item[method];
                const params = [...(item.parameters || []), ...(op.parameters || [])].map(deref);
                const id = 'op-' + (op.operationId || method + path);
                ops.push({ path, method, op, params, id });
            }
        }
        return ops;
    }

    function securityText(op) {
        const sec = op.security !== undefined ? op.security : (spec.security || []);
        if (!sec.length) return { text: 'Public: no authentication.', kind: 'public' };
        const schemes = spec.components?.securitySchemes || {};
        const describe = (req) => Object.keys(req).map((k) => {
            const s = schemes[k] || {};
            if (s.type === 'http' && s.scheme === 'bearer') return 'Bearer access token';
            if (s.type === 'apiKey') return `${s.name} (${s.in})`;
            return k;
        }).join(' + ');
        const named = sec.filter((r) => Object.keys(r).length).map(describe);
        if (sec.some((r) => !Object.keys(r).length)) {
            return { text: `Optional: ${named.join(' or ')}.`, kind: 'optional' };
        }
        return { text: `Requires ${named.join(' or ')}.`, kind: 'secured' };
    }
    const uses = (op, scheme) => (op.security || []).some((r) => scheme in r);

    function paramTable(params) {
        return h('table', { class: 'params' },
            h('thead', {}, h('tr', {},
                ['Name', 'In', 'Type', 'Description'].map((t) => h('th', {}, t)))),
            h('tbody', {}, params.map((p) => {
                const s = merged(p.schema || {});
                return h('tr', {},
                    h('td', {}, h('code', {}, p.name), p.required ? REQ() : null),
                    h('td', {}, p.in), h('td', { class: 'type' }, typeLabel(p.schema || {})),
                    h('td', {}, p.description ? h('span', { html: inline(p.description) }) : null,
                        constraints(s).map((c) => h('span', { class: 'chip' }, c))));
            })));
    }

    function bodyBlock(rb) {
        rb = deref(rb);
        const blocks = [];
        for (const [type, media] of Object.entries(rb.content || {})) {
            const ex = mediaExample(media);
            blocks.push(h('div', { class: 'media' },
                h('div', { class: 'mtype' }, type, rb.required ? ' (required)' : ' (optional)',
                    schemaBadge(media.schema)),
                rb.description ? h('p', { html: inline(rb.description) }) : null,
                h('div', { class: 'cols' }, h('div', {}, schemaTree(media.schema || {})),
                    ex !== undefined ? h('pre', { class: 'example' }, pretty(ex)) : null)));
        }
        return blocks;
    }

    function statusClass(code) { return 's' + String(code)[0]; }

    function responseBlock(code, response) {
        const r = deref(response);
        const d = h('details', { class: 'response', open: /^2/.test(code) ? true : null },
            h('summary', {}, h('span', { class: `status ${statusClass(code)}` }, code),
                h('span', { class: 'rdesc', html: inline(r.description || '') })));
        for (const [name, hdr] of Object.entries(r.headers || {})) {
            d.append(h('div', { class: 'rheader' }, h('code', {}, name), ' ',
                h('span', { html: inline(deref(hdr).description || '') })));
        }
        for (const [type, media] of Object.entries(r.content || {})) {
            const named = media.examples ? Object.entries(media.examples).map(([k, v]) =>
                [deref(v).summary || k, deref(v).value]) : [[null, mediaExample(media)]];
            const examples = named.filter(([, v]) => v !== undefined).map(([label, v]) => [
                label ? h('div', { class: 'exlabel' }, label) : null,
                h('pre', { class: 'example' }, typeof v === 'string' ? v : pretty(v))]);
            d.append(h('div', { class: 'media' }, h('div', { class: 'mtype' }, type,
                schemaBadge(media.schema)),
            /^2/.test(code)
                ? h('div', { class: 'cols' }, h('div', {}, schemaTree(media.schema || {})),
                    examples.length ? h('div', {}, examples) : null)
                : h('div', { class: 'stack' }, examples, h('details', { class: 'nested' },
                    h('summary', {}, 'schema'), schemaTree(media.schema || {})))));
        }
        return d;
    }

    function renderOperation(o) {
        const { op, path, method } = o;
        const sec = securityText(op);
        const body = h('div', { class: 'opbody' },
            op.description ? h('div', { class: 'md', html: markdown(op.description) }) : null,
            h('div', { class: 'meta' },
                h('span', { class: `lock ${sec.kind}` }, sec.text),
                op['x-roles'] ? h('span', { class: 'roles' }, 'Who: ',
                    op['x-roles'].map((r) => h('span', { class: 'role' }, r))) : null,
                h('span', { class: 'opid' }, 'operationId ', h('code', {}, op.operationId))),
            o.params.length ? [h('h4', {}, 'Parameters'), paramTable(o.params)] : null,
            op.requestBody ? [h('h4', {}, 'Request body'), bodyBlock(op.requestBody)] : null,
            h('h4', {}, 'Responses'),
            Object.entries(op.responses || {}).map(([code, r]) => responseBlock(code, r)),
            tryPanel(o));
        const head = h('button', { class: 'ophead', type: 'button', 'aria-expanded': 'false',
            onclick: () => toggle(card) },
        h('span', { class: `method ${method}` }, method.toUpperCase()),
        h('span', { class: 'path', html: esc(path).replace(/\{(\w+)\}/g, '<b>{$1}</b>') }),
        h('span', { class: 'summary' }, op.summary || ''),
        sec.kind === 'secured'
            ? h('span', { class: 'lockicon', title: sec.text, html: LOCK }) : null);
        const card = h('section', { class: 'op', id: o.id }, head, body);
        return card;
    }
    function toggle(card, open) {
        const want = open !== undefined ? open : !card.classList.contains('open');
        card.classList.toggle('open', want);
        card.querySelector('.ophead').setAttribute('aria-expanded', String(want));
    }

    // ---- try it -------------------------------------------------------------------------------
    function setBearer(value) {
        sessionStorage.setItem(TOKEN_KEY, value);
        for (const el of document.querySelectorAll('.bearer-input')) {
            if (el.value !== value) el.value = value;
        }
    }
    function bearerInput() {
        return h('input', { type: 'password', class: 'bearer-input', autocomplete: 'off',
            spellcheck: 'false', placeholder: 'access token', value: storedBearer(),
            oninput: (e) => setBearer(e.target.value.trim()) });
    }
    function field(label, input, hint) {
        return h('label', { class: 'field' }, h('span', { class: 'flabel' }, label), input,
            hint ? h('span', { class: 'hint' }, hint) : null);
    }
    function paramInput(p) {
        const s = merged(p.schema || {});
        if (s.enum) {
            return h('select', { 'data-name': p.name, 'data-in': p.in },
                h('option', { value: '' }, '—'), s.enum.map((v) => h('option', { value: v }, v)));
        }
        return h('input', { type: 'text', 'data-name': p.name, 'data-in': p.in,
            placeholder: p.example !== undefined ? String(p.example) : typeLabel(p.schema || {}) });
    }

    function tryPanel(o) {
        const { op, params } = o;
        const media = op.requestBody
            ? Object.entries(deref(op.requestBody).content || {})[0] : null;
        const inputs = params.map((p) => [p, paramInput(p)]);
        const bodyArea = media ? h('textarea', { class: 'body', rows: 8, spellcheck: 'false' },
            pretty(mediaExample(media[1]) ?? {})) : null;
        const secret = uses(op, 'tokenSecretHeader') ? h('input', { type: 'text',
            placeholder: 'secret from POST /api/tokens' }) : null;
        const out = h('div', { class: 'result' });
        const send = h('button', { class: 'send', type: 'button' }, 'Send request');
        send.addEventListener('click',
            () => execute(o, inputs, bodyArea, secret, media, out, send));
        return h('details', { class: 'try' }, h('summary', {}, 'Try it'),
            h('div', { class: 'tryform' },
                inputs.map(([p, el]) => field(`${p.name} (${p.in})${p.required ? ' *' : ''}`, el,
                    p.description)),
                uses(op, 'bearerAuth') ? field('Bearer token', bearerInput(),
                    'kept for this tab only (sessionStorage)') : null,
                secret ? field('X-Token-Secret', secret,
                    'for the customer who took the token') : null,
                bodyArea ? field(`Body (${media[0]})`, bodyArea) : null,
                h('div', { class: 'actions' }, send)),
            out);
    }

    async function execute(o, inputs, bodyArea, secret, media, out, send) {
        out.replaceChildren();
        let url = o.path;
        const query = new URLSearchParams();
        const headers = { Accept: 'application/json, text/plain, */*' };
        for (const [p, el] of inputs) {
            const v = el.value.trim();
            if (p.in === 'path') {
                if (!v) return out.append(problem(`Fill in the path parameter ${p.name}.`));
                url = url.replace(`{${p.name}}`, encodeURIComponent(v));
            } else if (v && p.in === 'query') query.append(p.name, v);
            else if (v && p.in === 'header') headers[p.name] = v;
        }
        const token = sessionStorage.getItem(TOKEN_KEY);
        if (token && uses(o.op, 'bearerAuth')) headers.Authorization = `Bearer ${token}`;
        if (secret && secret.value.trim()) headers['X-Token-Secret'] = secret.value.trim();
        const init = { method: o.method.toUpperCase(), headers, credentials: 'same-origin' };
        if (bodyArea && bodyArea.value.trim()) {
            if (/json/.test(media[0])) {
                try { JSON.parse(bodyArea.value); } catch (e) {
                    return out.append(problem(`The body is not valid JSON: ${e.message}`));
                }
            }
            headers['Content-Type'] = media[0];
            init.body = bodyArea.value;
        }
        if ([...query].length) url += '?' + query.toString();
        send.disabled = true;
        const started = performance.now();
        try {
            const res = await fetch(url, init);
            const text = await res.text();
            showResult(out, init.method, url, res, text, Math.round(performance.now() - started));
        } catch (e) {
            out.append(problem(`Request failed: ${e.message}`));
        } finally {
            send.disabled = false;
        }
    }

    function showResult(out, method, url, res, text, ms) {
        let shown = text;
        let json = null;
        try { json = JSON.parse(text); shown = pretty(json); } catch (_) { /* not JSON */ }
        const hdrs = [...res.headers].map(([k, v]) => `${k}: ${v}`).join('\n');
        out.append(...[
            h('div', { class: 'rline' },
                h('span', { class: `status ${statusClass(res.status)}` }, res.status),
                ` ${res.statusText} · ${ms} ms · `, h('code', {}, `${method} ${url}`)),
            json && json.access_token ? h('button', { type: 'button', class: 'use',
                onclick: () => setBearer(json.access_token) }, 'Use this access token') : null,
            h('div', { class: 'rlabel' }, 'Headers'),
            h('pre', { class: 'example' }, hdrs || '(none visible)'),
            h('div', { class: 'rlabel' }, 'Body'),
            h('pre', { class: 'example' }, shown || '(empty)'),
        ].filter(Boolean));
    }

    // ---- page ---------------------------------------------------------------------------------
    function groups(ops) {
        const order = (spec.tags || []).map((t) => t.name);
        const byTag = new Map(order.map((t) => [t, []]));
        for (const o of ops) {
            const tag = (o.op.tags && o.op.tags[0]) || 'other';
            if (!byTag.has(tag)) byTag.set(tag, []);
            byTag.get(tag).push(o);
        }
        return [...byTag].filter(([, list]) => list.length);
    }

    function renderNav(grouped) {
        const nav = document.getElementById('nav');
        nav.replaceChildren(h('a', { class: 'navtop', href: '#overview' }, 'Overview'));
        for (const [tag, list] of grouped) {
            nav.append(h('div', { class: 'navgroup', 'data-tag': tag },
                h('a', { class: 'navtag', href: `#tag-${tag}` }, tag),
                list.map((o) => h('a', { class: 'navop', href: `#${o.id}`,
                    title: o.op.summary || '',
                    'data-text': [o.method, o.path, o.op.summary, o.op.operationId].join(' ')
                        .toLowerCase() },
                h('span', { class: `method small ${o.method}` }, o.method.toUpperCase()),
                h('span', { class: 'navpath' }, o.path)))));
        }
        nav.append(h('a', { class: 'navtop', href: '#schemas' }, 'Schemas'));
        document.getElementById('filter').addEventListener('input', (e) => {
            const q = e.target.value.trim().toLowerCase();
            for (const g of nav.querySelectorAll('.navgroup')) {
                let any = false;
                for (const a of g.querySelectorAll('.navop')) {
                    const hit = !q || a.dataset.text.includes(q) || g.dataset.tag.includes(q);
                    a.hidden = !hit;
                    any = any || hit;
                }
                g.hidden = !any;
            }
        });
    }

    function renderSchemas() {
        const all = spec.components?.schemas || {};
        return h('section', { class: 'tag', id: 'schemas' }, h('h2', {}, 'Schemas'),
            Object.keys(all).map((name) => h('details',
                { class: 'schemadef', id: `schema-${name}` },
                h('summary', {}, name), schemaTree({ $ref: `#/components/schemas/${name}` }))));
    }

    function render() {
        const info = spec.info || {};
        document.title = `${info.title || 'API'} — docs`;
        document.getElementById('title').textContent = info.title || 'API';
        document.getElementById('version').textContent =
            info.version ? `v${info.version} · OpenAPI ${spec.openapi}` : '';
        const ops = operations();
        const grouped = groups(ops);
        const tags = new Map((spec.tags || []).map((t) => [t.name, t]));
        const main = document.getElementById('main');
        main.replaceChildren(
            h('section', { class: 'overview', id: 'overview' }, h('h1', {}, info.title || 'API'),
                h('div', { class: 'md', html: markdown(info.description) })),
            ...grouped.map(([tag, list]) => h('section', { class: 'tag', id: `tag-${tag}` },
                h('h2', {}, tag),
                tags.get(tag)?.description
                    ? h('p', { class: 'tagdesc', html: inline(tags.get(tag).description) }) : null,
                list.map((o) => renderOperation(o)))),
            renderSchemas());
        renderNav(grouped);
        for (const el of document.querySelectorAll('.bearer-input')) el.value = storedBearer();
        document.getElementById('bearer-global')
            .addEventListener('input', (e) => setBearer(e.target.value.trim()));
        window.addEventListener('hashchange', follow);
        follow();
    }

    function follow() {
        const id = decodeURIComponent(location.hash.slice(1));
        const el = id && document.getElementById(id);
        if (!el) return;
        if (el.classList.contains('op')) toggle(el, true);
        if (el.tagName === 'DETAILS') el.open = true;
        for (const a of document.querySelectorAll('#nav a')) {
            a.classList.toggle('active', a.getAttribute('href') === `#${id}`);
        }
        el.scrollIntoView({ block: 'start' });
    }

    async function start() {
        try {
            const res = await fetch(SPEC_URL, { headers: { Accept: 'application/json' } });
            if (!res.ok) throw new Error(`${SPEC_URL} answered ${res.status}`);
            spec = await res.json();
            render();
        } catch (e) {
            document.getElementById('main').replaceChildren(h('p', { class: 'problem' },
                `Could not load the API description: ${e.message}`));
        }
    }
    document.addEventListener('DOMContentLoaded', start);
})();
