/// The report page's style sheet and script, inlined into every page (nothing is fetched).
enum ReportAssets {
    static let css = #"""
    :root { --ink:#1b1b1b; --muted:#555; --line:#bbb; --bg:#fff; --accent:#0b5cad; --soft:#eef3fa; }
    * { box-sizing: border-box; }
    body { margin:0; font-family:"Noto Sans CJK JP","Hiragino Sans","Yu Gothic",sans-serif; color:var(--ink); background:var(--bg); line-height:1.6; }
    header.top { padding:1rem 1.5rem .5rem; border-bottom:3px solid var(--ink); }
    h1 { font-size:1.6rem; margin:0 0 .25rem; }
    h2 { font-size:1.3rem; border-left:.4rem solid var(--ink); padding-left:.5rem; margin-top:2rem; }
    h3 { font-size:1.05rem; margin-top:1.4rem; }
    .meta, .note, .hint { color:var(--muted); font-size:.9rem; }
    nav a { margin-right:.8rem; color:var(--accent); }
    main { padding:0 1.5rem 2rem; max-width:1400px; }
    footer { padding:1rem 1.5rem; border-top:1px solid var(--line); color:var(--muted); font-size:.85rem; }
    .controls { position:sticky; top:0; z-index:5; background:#fafafa; border-bottom:1px solid var(--line); padding:.5rem 1.5rem; display:flex; flex-wrap:wrap; gap:.5rem 2rem; align-items:flex-start; }
    .search { position:relative; }
    .search label { font-weight:bold; margin-right:.4rem; }
    #q { font-size:1rem; padding:.3rem .5rem; width:22rem; max-width:80vw; border:2px solid var(--ink); border-radius:4px; }
    .search .hint { display:block; }
    .hits { list-style:none; margin:0; padding:0; position:absolute; background:#fff; border:1px solid var(--line); min-width:22rem; z-index:6; }
    .hits:empty { display:none; }
    .hits button { display:block; width:100%; text-align:left; border:0; background:none; padding:.25rem .5rem; font:inherit; cursor:pointer; }
    .hits button:hover, .hits button:focus { background:var(--soft); }
    .filters label { margin-right:.6rem; }
    select, button { font:inherit; }
    button { cursor:pointer; }
    :focus-visible { outline:3px solid #e8a200; outline-offset:2px; }
    .card { margin:1rem 1.5rem; padding:1rem; border:2px solid var(--ink); border-radius:6px; background:#fff; max-width:60rem; }
    .card h3 { margin-top:0; }
    .card dl, .project dl { display:grid; grid-template-columns:max-content 1fr; gap:.1rem 1rem; margin:.4rem 0; }
    .card dt, .project dt { font-weight:bold; }
    .card dd, .project dd { margin:0; }
    .card ul { margin:.2rem 0 .6rem; padding-left:1.4rem; }
    .card .actions button { margin-right:.4rem; }
    .figures { display:flex; flex-wrap:wrap; gap:1rem; list-style:none; padding:0; }
    .figures li { border:1px solid var(--line); border-radius:6px; padding:.5rem 1rem; }
    .figures b { font-size:1.5rem; margin-right:.2rem; }
    .cols { display:flex; flex-wrap:wrap; gap:1.5rem; align-items:flex-start; }
    table { border-collapse:collapse; margin:.6rem 0 1.2rem; font-size:.9rem; }
    caption { text-align:left; font-weight:bold; padding:.2rem 0; }
    th, td { border:1px solid var(--line); padding:.2rem .5rem; vertical-align:top; }
    th { background:#f0f0f0; text-align:left; }
    th button { border:0; background:none; font-weight:bold; padding:0; }
    th[aria-sort="ascending"] button::after { content:" ▲"; }
    th[aria-sort="descending"] button::after { content:" ▼"; }
    td.n { text-align:right; font-variant-numeric:tabular-nums; white-space:nowrap; }
    tr[hidden] { display:none; }
    tr.hl td { background:#fff4c2; font-weight:bold; }
    a.org { color:var(--accent); }
    .warnings li { font-family:monospace; font-size:.85rem; }
    .scroll { overflow-x:auto; }
    .heatmap .cell.dim { opacity:.2; }
    .toolbar { margin:.4rem 0; }
    .toolbar button { min-width:2.2rem; }
    .viewport { border:1px solid var(--line); height:75vh; overflow:hidden; cursor:grab; touch-action:none; background:#fff; }
    .viewport svg { width:100%; height:100%; display:block; }
    .viewport.dragging { cursor:grabbing; }
    .viewport .node.dim, .viewport .edge.dim { opacity:.12; }
    .viewport .off { display:none; }
    .viewport .node.hl ellipse, .viewport .node.hl polygon, .viewport .node.hl path { stroke:#d00000; stroke-width:6; stroke-dasharray:6 3; }
    .viewport .node.hl text { font-weight:bold; }
    .sectors svg { max-width:100%; height:auto; }
    .gallery { display:grid; grid-template-columns:repeat(auto-fill, minmax(220px, 1fr)); gap:1rem; }
    .gallery figure { margin:0; border:1px solid var(--line); border-radius:6px; padding:.4rem; }
    .gallery .thumb { display:block; width:100%; height:180px; border:0; background:#fff; padding:0; cursor:zoom-in; }
    .gallery .thumb svg { width:100%; height:100%; }
    .gallery figcaption { font-size:.8rem; }
    dialog { width:92vw; height:92vh; padding:.5rem; }
    dialog .zoom-body { height:calc(100% - 3rem); }
    dialog .zoom-body svg { width:100%; height:100%; }
    .project { border-top:1px solid var(--line); padding-top:.3rem; content-visibility:auto; contain-intrinsic-size:auto 320px; }
    .gallery figure { content-visibility:auto; contain-intrinsic-size:auto 240px; }
    section, article, .viewport { scroll-margin-top:6rem; }
    @media print {
      @page { size:A4; margin:14mm 12mm; }
      body { font-size:10pt; }
      .controls, .toolbar, nav, dialog, .card .actions, .hint { display:none !important; }
      .viewport { height:auto; border:0; overflow:visible; }
      .viewport svg { height:auto; max-height:250mm; }
      .gallery { grid-template-columns:repeat(3, 1fr); }
      .gallery .thumb { height:55mm; }
      section { break-before:page; }
      #overview { break-before:auto; }
      .project, table, figure { break-inside:avoid; }
      .project, .gallery figure { content-visibility:visible; }
      a { color:inherit; text-decoration:none; }
      th { background:#fff; }
      tr.hl td { background:#fff; text-decoration:underline; }
    }
    """#

    static let js = #"""
    (function () {
      'use strict';
      var D = JSON.parse(document.getElementById('renkei-data').textContent);
      function $(s, r) { return (r || document).querySelector(s); }
      function $$(s, r) { return Array.prototype.slice.call((r || document).querySelectorAll(s)); }
      function fold(s) { return s.normalize('NFKC').toLowerCase().replace(/\s+/g, '').replace(/社協/g, '社会福祉協議会'); }
      function el(tag, text, cls) { var e = document.createElement(tag); if (text != null) e.textContent = text; if (cls) e.className = cls; return e; }

      // Partnerships by organisation and by pair, and the neighbours of each organisation.
      var incident = {}, pairs = {}, adj = {};
      D.edges.forEach(function (e) {
        [e[0], e[1]].forEach(function (v) { (incident[v] = incident[v] || []).push(e); });
        var key = e[0] < e[1] ? e[0] + '\u0000' + e[1] : e[1] + '\u0000' + e[0];
        (pairs[key] = pairs[key] || []).push(e);
        (adj[e[0]] = adj[e[0]] || {})[e[1]] = true;
        (adj[e[1]] = adj[e[1]] || {})[e[0]] = true;
      });

      var state = { kind: '', rel: '', status: '', selected: null, focus: 0 };
      function edgeOK(e) { return (!state.rel || e[2].indexOf(state.rel) >= 0) && (!state.status || e[3] === state.status); }
      function orgOK(id) {
        var o = D.orgs[id];
        if (!o) return !state.kind;
        if (state.kind && o.k !== state.kind) return false;
        if (!state.rel && !state.status) return true;
        return (incident[id] || []).some(edgeOK);
      }

      // The network diagram: its nodes and edges by organisation id.
      var net = $('#net'), svg = net ? $('svg', net) : null, nodes = {}, edges = [];
      if (svg) {
        $$('g.node', svg).forEach(function (g) { var t = $('title', g); if (t) nodes[t.textContent] = g; });
        $$('g.edge', svg).forEach(function (g) {
          var t = $('title', g); if (!t) return;
          var ends = t.textContent.split(/--|->/);
          if (ends.length === 2) edges.push({ g: g, a: ends[0], b: ends[1] });
        });
      }

      function focusSet() {
        if (!state.selected || !state.focus) return null;
        var seen = {}, frontier = [state.selected];
        seen[state.selected] = true;
        for (var d = 0; d < state.focus; d++) {
          var next = [];
          frontier.forEach(function (v) {
            Object.keys(adj[v] || {}).forEach(function (w) {
              if (seen[w]) return;
              var key = v < w ? v + '\u0000' + w : w + '\u0000' + v;
              if (!(pairs[key] || []).some(edgeOK)) return;
              seen[w] = true; next.push(w);
            });
          });
          frontier = next;
        }
        return seen;
      }

      function apply() {
        var visible = 0, total = 0;
        $$('tr[data-id]').forEach(function (tr) { tr.hidden = !orgOK(tr.getAttribute('data-id')); });
        $$('tr[data-kinds]').forEach(function (tr) {
          var kinds = tr.getAttribute('data-kinds').split(' ');
          var rels = (tr.getAttribute('data-rels') || '').split(' ');
          tr.hidden = !((!state.kind || kinds.indexOf(state.kind) >= 0) && (!state.rel || !tr.hasAttribute('data-rels') || rels.indexOf(state.rel) >= 0));
        });
        var focus = focusSet();
        Object.keys(nodes).forEach(function (id) {
          var ok = orgOK(id); total++; if (ok) visible++;
          nodes[id].classList.toggle('dim', !ok);
          nodes[id].classList.toggle('off', !!focus && !focus[id]);
        });
        edges.forEach(function (x) {
          var key = x.a < x.b ? x.a + '\u0000' + x.b : x.b + '\u0000' + x.a;
          var ok = (pairs[key] || []).some(edgeOK) && orgOK(x.a) && orgOK(x.b);
          x.g.classList.toggle('dim', !ok);
          x.g.classList.toggle('off', !!focus && !(focus[x.a] && focus[x.b]));
        });
        $$('.heatmap [data-kind]').forEach(function (c) { c.classList.toggle('dim', !!state.kind && c.getAttribute('data-kind') !== state.kind); });
        var filtered = state.kind || state.rel || state.status;
        $('#f-summary').textContent = filtered ? '絞り込み中: 図の団体 ' + visible + ' / ' + total : '';
        var fs = $('#focus-state');
        if (fs) fs.textContent = focus ? 'フォーカス: ' + D.orgs[state.selected].n + ' から ' + state.focus + ' 段階（' + Object.keys(focus).length + ' 団体）' : '';
      }

      ['kind', 'rel', 'status'].forEach(function (k) {
        var s = $('#f-' + k);
        s.addEventListener('change', function () { state[k] = s.value; apply(); });
      });
      $('#f-reset').addEventListener('click', function () {
        state.kind = state.rel = state.status = '';
        ['kind', 'rel', 'status'].forEach(function (k) { $('#f-' + k).value = ''; });
        apply();
      });

      // Pan and zoom by changing the network's viewBox.
      var base = null, vb = null;
      if (svg) {
        var v0 = (svg.getAttribute('viewBox') || '0 0 100 100').split(/[\s,]+/).map(Number);
        base = v0.slice(); vb = v0.slice();
        svg.removeAttribute('width'); svg.removeAttribute('height');
        svg.setAttribute('preserveAspectRatio', 'xMidYMid meet');
      }
      function setVB() { svg.setAttribute('viewBox', vb.join(' ')); }
      function zoom(f, cx, cy) {
        if (!svg) return;
        if (cx == null) { cx = vb[0] + vb[2] / 2; cy = vb[1] + vb[3] / 2; }
        var w = Math.min(base[2] * 4, Math.max(base[2] / 40, vb[2] / f)), h = w * vb[3] / vb[2];
        vb = [cx - (cx - vb[0]) * w / vb[2], cy - (cy - vb[1]) * h / vb[3], w, h];
        setVB();
      }
      function pan(dx, dy) { vb[0] += dx; vb[1] += dy; setVB(); }
      if (svg) {
        $('#z-in').addEventListener('click', function () { zoom(1.5); });
        $('#z-out').addEventListener('click', function () { zoom(1 / 1.5); });
        $('#z-reset').addEventListener('click', function () { vb = base.slice(); setVB(); });
        net.addEventListener('wheel', function (ev) {
          ev.preventDefault();
          var r = svg.getBoundingClientRect(), s = Math.max(vb[2] / r.width, vb[3] / r.height);
          var cx = vb[0] + vb[2] / 2 + (ev.clientX - r.left - r.width / 2) * s, cy = vb[1] + vb[3] / 2 + (ev.clientY - r.top - r.height / 2) * s;
          zoom(ev.deltaY < 0 ? 1.2 : 1 / 1.2, cx, cy);
        }, { passive: false });
        var drag = null;
        net.addEventListener('pointerdown', function (ev) { drag = { x: ev.clientX, y: ev.clientY }; net.classList.add('dragging'); net.setPointerCapture(ev.pointerId); });
        net.addEventListener('pointermove', function (ev) {
          if (!drag) return;
          var r = svg.getBoundingClientRect(), s = Math.max(vb[2] / r.width, vb[3] / r.height);
          pan((drag.x - ev.clientX) * s, (drag.y - ev.clientY) * s);
          drag = { x: ev.clientX, y: ev.clientY };
        });
        ['pointerup', 'pointercancel'].forEach(function (t) { net.addEventListener(t, function () { drag = null; net.classList.remove('dragging'); }); });
        net.addEventListener('keydown', function (ev) {
          var step = vb[2] / 10;
          var moves = { ArrowLeft: [-step, 0], ArrowRight: [step, 0], ArrowUp: [0, -step], ArrowDown: [0, step] };
          if (moves[ev.key]) { ev.preventDefault(); pan(moves[ev.key][0], moves[ev.key][1]); }
          else if (ev.key === '+' || ev.key === '=') { zoom(1.5); }
          else if (ev.key === '-') { zoom(1 / 1.5); }
          else if (ev.key === '0') { vb = base.slice(); setVB(); }
        });
      }
      function centre(g) {
        var b = g.getBBox(), p = svg.createSVGPoint();
        p.x = b.x + b.width / 2; p.y = b.y + b.height / 2;
        var t = $('g.graph', svg).transform.baseVal.consolidate();
        return t ? p.matrixTransform(t.matrix) : p;
      }
      // Fits the view to the organisations of the focus (it and its partners).
      function fitTo(set) {
        var xs = [], ys = [];
        Object.keys(set).forEach(function (id) { if (nodes[id]) { var c = centre(nodes[id]); xs.push(c.x); ys.push(c.y); } });
        if (!xs.length) return;
        var x0 = Math.min.apply(null, xs), x1 = Math.max.apply(null, xs), y0 = Math.min.apply(null, ys), y1 = Math.max.apply(null, ys);
        var r = svg.getBoundingClientRect(), aspect = r.height / r.width || 0.75;
        var w = Math.max(x1 - x0 + 160, base[2] / 20), h = Math.max(y1 - y0 + 120, w * aspect);
        w = Math.max(w, h / aspect);
        vb = [(x0 + x1) / 2 - w / 2, (y0 + y1) / 2 - h / 2, w, h]; setVB();
      }
      function centreOn(id) {
        var g = nodes[id]; if (!g || !svg) return;
        var b = g.getBBox(), w = Math.min(vb[2], base[2] / 3), h = w * vb[3] / vb[2];
        // The node's box is in the graph group's coordinates: map it through the group's transform.
        var p = svg.createSVGPoint(); p.x = b.x + b.width / 2; p.y = b.y + b.height / 2;
        var t = $('g.graph', svg).transform.baseVal.consolidate();
        var c = t ? p.matrixTransform(t.matrix) : p;
        vb = [c.x - w / 2, c.y - h / 2, w, h]; setVB();
      }

      // Sortable tables: a button in each header; numbers sort by data-v.
      $$('table.sortable').forEach(function (table) {
        $$('th button', table).forEach(function (btn, col) {
          btn.addEventListener('click', function () {
            var th = btn.parentNode, asc = th.getAttribute('aria-sort') !== 'ascending';
            $$('th', table).forEach(function (h) { h.removeAttribute('aria-sort'); });
            th.setAttribute('aria-sort', asc ? 'ascending' : 'descending');
            var body = table.tBodies[0], rows = Array.prototype.slice.call(body.rows);
            rows.sort(function (a, b) {
              var x = a.cells[col], y = b.cells[col], r;
              if (x.hasAttribute('data-v')) r = Number(x.getAttribute('data-v')) - Number(y.getAttribute('data-v'));
              else r = x.textContent.localeCompare(y.textContent, 'ja');
              return asc ? r : -r;
            });
            rows.forEach(function (r) { body.appendChild(r); });
          });
        });
      });

      // Search: every spelling the dataset knows, folded as the page was built.
      var ids = Object.keys(D.orgs);
      function find(q) {
        var hits = [];
        ids.forEach(function (id) {
          var best = 9;
          D.orgs[id].keys.forEach(function (k) {
            var s = k === q ? 0 : k.indexOf(q) === 0 ? 1 : k.indexOf(q) > 0 ? 2 : 9;
            if (s < best) best = s;
          });
          if (best < 9) hits.push({ id: id, s: best });
        });
        hits.sort(function (a, b) { return a.s - b.s || D.orgs[a.id].n.length - D.orgs[b.id].n.length || (a.id < b.id ? -1 : 1); });
        return hits.map(function (h) { return h.id; });
      }
      var q = $('#q'), hitList = $('#hits'), card = $('#card');
      function showHits(list) {
        hitList.textContent = '';
        list.slice(0, 8).forEach(function (id) {
          var li = el('li'), b = el('button', D.orgs[id].n + '（' + D.orgs[id].k + '）');
          b.type = 'button';
          b.addEventListener('click', function () { select(id); hitList.textContent = ''; });
          li.appendChild(b); hitList.appendChild(li);
        });
      }
      q.addEventListener('input', function () {
        var text = fold(q.value);
        if (!text) { hitList.textContent = ''; return; }
        var list = find(text);
        showHits(list.length > 1 ? list : []);
        if (list.length) select(list[0], true); else { card.hidden = false; card.textContent = ''; card.appendChild(el('p', '「' + q.value + '」に当たる団体はありません。')); }
      });
      q.addEventListener('keydown', function (ev) {
        if (ev.key === 'ArrowDown') { var b = $('button', hitList); if (b) { ev.preventDefault(); b.focus(); } }
        if (ev.key === 'Escape') { hitList.textContent = ''; }
        if (ev.key === 'Enter') { ev.preventDefault(); hitList.textContent = ''; card.focus(); }
      });
      hitList.addEventListener('keydown', function (ev) {
        var bs = $$('button', hitList), i = bs.indexOf(document.activeElement);
        if (ev.key === 'ArrowDown' && i < bs.length - 1) { ev.preventDefault(); bs[i + 1].focus(); }
        if (ev.key === 'ArrowUp') { ev.preventDefault(); (i > 0 ? bs[i - 1] : q).focus(); }
        if (ev.key === 'Escape') { hitList.textContent = ''; q.focus(); }
      });
      card.tabIndex = -1;

      function select(id, keepFocus) {
        var o = D.orgs[id]; if (!o) return;
        if (state.selected !== id) state.focus = 0;
        state.selected = id;
        $$('.node.hl').forEach(function (g) { g.classList.remove('hl'); });
        $$('tr.hl').forEach(function (r) { r.classList.remove('hl'); });
        if (nodes[id]) nodes[id].classList.add('hl');
        $$('tr[data-id="' + id.replace(/"/g, '\\"') + '"]').forEach(function (r) { r.classList.add('hl'); });
        card.textContent = '';
        card.hidden = false;
        card.appendChild(el('h3', o.n));
        var dl = el('dl');
        [['種別', o.k], ['分類', o.c || '—'], ['地域', o.r || '—'], ['別名', o.a.length ? o.a.join('、') : '—']].forEach(function (p) {
          dl.appendChild(el('dt', p[0])); dl.appendChild(el('dd', p[1]));
        });
        var rk = o.ranks, n = D.count;
        dl.appendChild(el('dt', '中心性の順位'));
        dl.appendChild(el('dd', rk.degree ? '次数 ' + rk.degree + ' 位・媒介 ' + rk.betweenness + ' 位・PageRank ' + rk.pagerank + ' 位（' + n + ' 団体中）' : '—'));
        card.appendChild(dl);
        card.appendChild(el('h4', '参加している事業（' + o.p.length + '）'));
        var ul = el('ul', null, 'card-projects');
        o.p.forEach(function (p) {
          var li = el('li'), a = el('a', p + ' ' + (D.projects[p] || ''));
          a.href = '#project-' + encodeURIComponent(p).replace(/%/g, '%25');
          var target = document.getElementById('project-' + p);
          if (target) a.href = '#' + target.id;
          li.appendChild(a); ul.appendChild(li);
        });
        card.appendChild(ul);
        card.appendChild(el('h4', '連携先（' + o.partners.length + '）'));
        var pl = el('ul', null, 'card-partners');
        o.partners.forEach(function (p) {
          var other = D.orgs[p[0]], li = el('li');
          var a = el('a', other ? other.n : p[0], 'org'); a.href = '#card'; a.setAttribute('data-org', p[0]);
          li.appendChild(a);
          li.appendChild(document.createTextNode('（' + (other ? other.k : '') + '）' + (p[1] ? ' — ' + p[1] : '') + ' ・ ' + p[2]));
          pl.appendChild(li);
        });
        card.appendChild(pl);
        var act = el('div', null, 'actions');
        [['ネットワークで表示', 0], ['フォーカス: 1 段階', 1], ['フォーカス: 2 段階', 2], ['フォーカス解除', -1]].forEach(function (b) {
          var btn = el('button', b[0]); btn.type = 'button';
          btn.addEventListener('click', function () {
            if (b[1] >= 0) state.focus = b[1] === 0 ? state.focus : b[1]; else state.focus = 0;
            apply();
            var f = focusSet();
            if (b[1] >= 0) { if (f) fitTo(f); else centreOn(id); net.scrollIntoView({ block: 'start' }); }
          });
          act.appendChild(btn);
        });
        card.appendChild(act);
        apply();
        if (!keepFocus) card.focus();
      }
      document.addEventListener('click', function (ev) {
        var a = ev.target.closest ? ev.target.closest('a.org') : null;
        if (a) { ev.preventDefault(); select(a.getAttribute('data-org')); card.scrollIntoView({ block: 'nearest' }); }
      });

      // Gallery: click a project's diagram to see it large.
      var dialog = $('#zoom');
      $$('.gallery .thumb').forEach(function (b) {
        b.addEventListener('click', function () {
          var body = $('.zoom-body', dialog); body.textContent = '';
          var copy = $('svg', b).cloneNode(true);
          body.appendChild(copy);
          var cap = b.parentNode.querySelector('figcaption');
          if (cap) body.appendChild(el('p', cap.textContent));
          dialog.showModal();
        });
      });
      $$('.gallery svg, .sectors svg').forEach(function (s) { s.removeAttribute('width'); s.removeAttribute('height'); });
      apply();
      // The page is usable from here on (search, filters, focus); Benchmarks/report.py reads this.
      document.documentElement.setAttribute('data-ready', String(Math.round(performance.now())));
    })();
    """#
}
