/// The triage report's embedded style sheet and script. Both are inlined into the one HTML file: no
/// network, no external fonts or scripts. The script is allowed by its SHA-256 in the page's
/// Content-Security-Policy, so it must not be built from input text.
enum HTMLReportStyle {
    static let css = #"""
        :root {
          --bg: #f4f6f9; --card: #ffffff; --ink: #1c2430; --muted: #5b6676; --line: #e2e7ee; --line-strong: #cfd6e0;
          --brand: #1f3a5f; --brand-ink: #ffffff; --accent: #2f6fb3;
          --critical: #7a1029; --high: #c92a2a; --medium: #d9822b; --low: #2f6fb3; --info: #6b7785;
          --critical-bg: #fbe4ea; --high-bg: #fdeaea; --medium-bg: #fdf1e3; --low-bg: #e7f0fa; --info-bg: #eef1f4;
          --mark: #ffe08a; --hidden: #6d28d9; --hidden-bg: #f1eafe;
          --sans: -apple-system, BlinkMacSystemFont, "Segoe UI", "Noto Sans CJK SC", "PingFang SC", "Hiragino Sans GB", "Microsoft YaHei", "Source Han Sans SC", "Noto Sans", sans-serif;
          --mono: ui-monospace, SFMono-Regular, Menlo, Consolas, "Noto Sans Mono CJK SC", "DejaVu Sans Mono", monospace;
        }
        * { box-sizing: border-box; }
        html { background: var(--bg); }
        body { margin: 0; font-family: var(--sans); font-size: 14px; line-height: 1.5; color: var(--ink); }
        a { color: var(--accent); text-decoration: none; }
        a:hover { text-decoration: underline; }
        code, .mono { font-family: var(--mono); font-size: 12.5px; }
        .page-header { background: var(--brand); color: var(--brand-ink); padding: 22px 24px 20px; }
        .page-header .eyebrow { text-transform: uppercase; letter-spacing: .12em; font-size: 11px; opacity: .75; font-weight: 600; }
        .page-header h1 { margin: 4px 0 6px; font-size: 24px; font-weight: 650; letter-spacing: -.01em; }
        .page-header .meta { font-size: 13px; opacity: .85; }
        .page-header .meta span + span::before { content: "·"; margin: 0 8px; opacity: .6; }
        main { padding: 20px 24px 40px; max-width: 1800px; margin: 0 auto; }
        nav.toc { display: flex; gap: 18px; font-size: 13px; margin: 0 0 16px; }
        section { margin: 0 0 28px; }
        h2 { font-size: 17px; margin: 0 0 12px; font-weight: 650; }
        h2 .count { color: var(--muted); font-weight: 500; font-size: 14px; margin-left: 6px; }
        .card { background: var(--card); border: 1px solid var(--line); border-radius: 10px; box-shadow: 0 1px 2px rgba(16,24,40,.04); }
        .kpis { display: grid; grid-template-columns: repeat(auto-fill, minmax(150px, 1fr)); gap: 12px; margin-bottom: 14px; }
        .kpi { padding: 12px 14px; }
        .kpi .value { font-size: 24px; font-weight: 650; line-height: 1.2; font-variant-numeric: tabular-nums; }
        .kpi .label { font-size: 12px; color: var(--muted); }
        .kpi.alert .value { color: var(--high); }
        .kpi.hidden-kpi .value { color: var(--hidden); }
        .charts { display: grid; grid-template-columns: repeat(auto-fit, minmax(300px, 1fr)); gap: 12px; }
        @media (min-width: 1280px) { .charts { grid-template-columns: minmax(0, 1fr) minmax(0, 1fr) minmax(0, 1.35fr) minmax(0, 1.35fr); } }
        .chart { padding: 12px 14px 10px; }
        .chart h3 { margin: 0 0 8px; font-size: 13px; font-weight: 600; color: var(--muted); text-transform: uppercase; letter-spacing: .05em; }
        .bar-row { display: grid; grid-template-columns: minmax(0, 50%) 1fr 40px; align-items: center; gap: 8px; padding: 2px 0; font-size: 13px; }
        .bar-label { overflow: hidden; text-overflow: ellipsis; white-space: nowrap; color: var(--ink); }
        a.bar-label:hover { color: var(--accent); }
        .bar { width: 100%; height: 10px; display: block; }
        .bar .track { fill: #edf0f4; }
        .bar .fill { fill: var(--accent); }
        .bar .fill.sev-critical { fill: var(--critical); } .bar .fill.sev-high { fill: var(--high); }
        .bar .fill.sev-medium { fill: var(--medium); } .bar .fill.sev-low { fill: var(--low); } .bar .fill.sev-info { fill: var(--info); }
        .bar .fill.cat { fill: #3b7f8c; } .bar .fill.seller { fill: #5a5fa8; }
        .bar-count { text-align: right; font-variant-numeric: tabular-nums; color: var(--muted); }
        .more { font-size: 12px; color: var(--muted); margin-top: 4px; }
        .sev { display: inline-block; min-width: 62px; text-align: center; border-radius: 999px; padding: 1px 8px; font-size: 12px; font-weight: 600; text-transform: uppercase; letter-spacing: .03em; }
        .sev-critical { background: var(--critical-bg); color: var(--critical); } .sev-high { background: var(--high-bg); color: var(--high); }
        .sev-medium { background: var(--medium-bg); color: #9a5208; } .sev-low { background: var(--low-bg); color: var(--low); }
        .sev-info { background: var(--info-bg); color: var(--info); }
        .toolbar { padding: 12px 14px; display: flex; flex-wrap: wrap; gap: 10px 18px; align-items: center; border-bottom: 1px solid var(--line); }
        .toolbar .group { display: flex; align-items: center; gap: 6px; flex-wrap: wrap; }
        .toolbar .group-label { font-size: 12px; color: var(--muted); font-weight: 600; text-transform: uppercase; letter-spacing: .05em; margin-right: 2px; }
        .chip { display: inline-flex; align-items: center; gap: 4px; border: 1px solid var(--line-strong); border-radius: 999px; padding: 1px 10px 1px 6px; font-size: 12.5px; cursor: pointer; user-select: none; background: #fff; }
        .chip input { margin: 0; accent-color: var(--brand); }
        .chip:has(input:checked) { background: #e8eef7; border-color: #9fb3cf; }
        select, input[type=search] { font: inherit; font-size: 13px; border: 1px solid var(--line-strong); border-radius: 6px; padding: 4px 8px; background: #fff; color: var(--ink); max-width: 240px; }
        input[type=search] { width: 220px; }
        button { font: inherit; font-size: 13px; cursor: pointer; }
        .reset { border: 1px solid var(--line-strong); background: #fff; border-radius: 6px; padding: 4px 10px; color: var(--muted); }
        .reset:hover { color: var(--ink); border-color: #9aa6b6; }
        .shown { margin-left: auto; font-size: 13px; color: var(--muted); font-variant-numeric: tabular-nums; white-space: nowrap; }
        .table-wrap { overflow-x: auto; }
        table.findings { width: 100%; min-width: 1240px; table-layout: fixed; border-collapse: separate; border-spacing: 0; font-size: 13px; }
        col.c-severity { width: 92px; } col.c-rule { width: 168px; } col.c-category { width: 96px; } col.c-record { width: 108px; }
        col.c-seller { width: 116px; } col.c-field { width: 104px; } col.c-location { width: 140px; } col.c-message { width: 21%; }
        col.c-count { width: 52px; }
        table.findings th { position: sticky; top: 0; z-index: 1; background: #f8fafc; text-align: left; font-weight: 600; color: var(--muted); font-size: 12px; text-transform: uppercase; letter-spacing: .04em; border-bottom: 1px solid var(--line-strong); padding: 0; white-space: nowrap; }
        table.findings th button { all: unset; display: block; padding: 8px 10px; cursor: pointer; }
        table.findings th button:focus-visible { outline: 2px solid var(--accent); }
        table.findings th button::after { content: "↕"; opacity: .3; margin-left: 4px; font-size: 11px; }
        table.findings th[aria-sort=ascending] button::after { content: "▲"; opacity: .9; }
        table.findings th[aria-sort=descending] button::after { content: "▼"; opacity: .9; }
        table.findings td { padding: 8px 10px; border-bottom: 1px solid var(--line); vertical-align: top; unicode-bidi: isolate; overflow-wrap: anywhere; }
        table.findings tbody tr:hover td { background: #f7f9fc; }
        table.findings tr.hidden-text td:first-child { box-shadow: inset 3px 0 0 var(--hidden); }
        td.rule-cell .rule-title { color: var(--muted); font-size: 12px; line-height: 1.35; margin-top: 2px; display: -webkit-box; -webkit-line-clamp: 2; -webkit-box-orient: vertical; overflow: hidden; }
        td.evidence { line-height: 1.65; }
        td.location code, td.field code { font-size: 12px; }
        td.count { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
        .dup { display: inline-block; background: #eef1f6; border-radius: 4px; padding: 0 6px; font-weight: 600; font-size: 12px; }
        .kind { color: var(--muted); font-size: 11.5px; }
        mark { background: var(--mark); color: inherit; border-radius: 3px; padding: 0 2px; box-shadow: 0 0 0 1px #e9c45a inset; }
        .ellipsis { color: var(--muted); }
        .cp { display: inline-block; font-family: var(--mono); font-size: 10px; line-height: 1.3; padding: 0 3px; margin: 0 1px; border-radius: 3px; background: #ffe3e3; color: #a61e1e; vertical-align: 1px; }
        .badge-hidden { display: inline-block; white-space: nowrap; background: var(--hidden-bg); color: var(--hidden); border: 1px solid #d8c7fb; border-radius: 4px; padding: 0 6px; font-size: 11.5px; font-weight: 600; margin-bottom: 3px; }
        .law { display: block; margin-top: 4px; font-size: 12px; max-width: 100%; overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
        .none { color: #9aa6b6; }
        .empty { padding: 28px; text-align: center; color: var(--muted); }
        .rules { display: grid; gap: 12px; }
        .rule-doc { padding: 14px 18px; scroll-margin-top: 12px; }
        .rule-doc:target { box-shadow: 0 0 0 2px var(--accent); }
        .rule-doc header { display: flex; align-items: baseline; gap: 10px; flex-wrap: wrap; }
        .rule-doc h3 { margin: 0; font-size: 15px; font-weight: 650; }
        .rule-doc h3 code { font-size: 13.5px; color: var(--brand); margin-right: 6px; }
        .rule-doc .fired { font-size: 12px; color: var(--muted); }
        .rule-doc .fired a { margin-left: 6px; }
        .rule-doc .desc { margin: 8px 0; color: #2e3846; max-width: 110ch; }
        .rule-doc dl { display: grid; grid-template-columns: max-content 1fr; gap: 2px 14px; margin: 8px 0; font-size: 13px; }
        .rule-doc dt { color: var(--muted); }
        .rule-doc dd { margin: 0; }
        .rule-doc h4 { margin: 10px 0 4px; font-size: 12px; text-transform: uppercase; letter-spacing: .05em; color: var(--muted); }
        .refs { margin: 0; padding-left: 18px; font-size: 13px; }
        .refs li { margin: 2px 0; }
        .refs .checked { color: var(--muted); font-size: 12px; margin-left: 6px; white-space: nowrap; }
        .refs .note { display: block; color: var(--muted); font-size: 12px; }
        details.examples summary { cursor: pointer; font-size: 13px; color: var(--accent); margin-top: 8px; }
        details.examples ul { list-style: none; padding: 0; margin: 6px 0 0; display: grid; gap: 3px; }
        details.examples li { font-size: 12.5px; display: flex; gap: 8px; align-items: baseline; }
        details.examples li code { word-break: break-all; }
        .tag { display: inline-block; min-width: 48px; text-align: center; font-size: 11px; font-weight: 600; border-radius: 4px; padding: 0 6px; text-transform: uppercase; }
        .tag-fires { background: var(--high-bg); color: var(--high); } .tag-passes { background: #e6f4ea; color: #1e7b3c; }
        .subhead { font-size: 13px; color: var(--muted); margin: 18px 0 8px; font-weight: 600; text-transform: uppercase; letter-spacing: .05em; }
        ul.plain { margin: 0; padding: 12px 14px 12px 32px; font-size: 13px; }
        footer { color: var(--muted); font-size: 12px; padding: 0 24px 28px; max-width: 1800px; margin: 0 auto; }
        @media print {
          .toolbar, nav.toc { display: none; }
          tr[hidden] { display: table-row !important; }
          table.findings th { position: static; }
        }
        """#

    /// The page script: filters, sorting, the URL-fragment state (`#severity=high&category=counterfeit&q=gucci&sort=-rule`).
    static let script = #"""
        (function () {
          'use strict';
          var table = document.getElementById('findings-table');
          var root = document.documentElement;
          if (!table) { root.setAttribute('data-ready', 'true'); return; }
          var tbody = table.tBodies[0];
          var rows = Array.prototype.slice.call(tbody.querySelectorAll('tr.finding'));
          var total = rows.length;
          var counter = document.getElementById('shown-count');
          var noMatch = document.getElementById('no-match');
          var severityBoxes = Array.prototype.slice.call(document.querySelectorAll('input[name="severity"]'));
          var categoryBoxes = Array.prototype.slice.call(document.querySelectorAll('input[name="category"]'));
          var ruleSelect = document.getElementById('filter-rule');
          var sellerSelect = document.getElementById('filter-seller');
          var textInput = document.getElementById('filter-q');
          var resetButton = document.getElementById('filter-reset');
          var headers = Array.prototype.slice.call(table.tHead.querySelectorAll('th[data-key]'));
          var columnIndex = {};
          headers.forEach(function (th) { columnIndex[th.getAttribute('data-key')] = th.cellIndex; });
          var descendingFirst = { severity: true, count: true };

          function emptyState() { return { severity: [], category: [], rule: '', seller: '', q: '', sort: '' }; }
          var state = emptyState();

          function list(value) {
            return value ? value.split(',').map(function (v) { return v.trim().toLowerCase(); }).filter(Boolean) : [];
          }
          function parse(hash) {
            if (!hash || hash.length < 2 || hash.indexOf('=') < 0) { return null; }
            var params = new URLSearchParams(hash.charAt(0) === '#' ? hash.slice(1) : hash);
            var next = emptyState();
            next.severity = list(params.get('severity'));
            next.category = list(params.get('category'));
            next.rule = params.get('rule') || '';
            next.seller = params.get('seller') || '';
            next.q = params.get('q') || '';
            var sort = params.get('sort') || '';
            var key = sort.charAt(0) === '-' ? sort.slice(1) : sort;
            next.sort = Object.prototype.hasOwnProperty.call(columnIndex, key) ? sort : '';
            return next;
          }
          function serialize(s) {
            var parts = [];
            function add(name, value) { if (value) { parts.push(name + '=' + encodeURIComponent(value)); } }
            add('severity', s.severity.join(','));
            add('category', s.category.join(','));
            add('rule', s.rule);
            add('seller', s.seller);
            add('q', s.q);
            add('sort', s.sort);
            return parts.join('&');
          }
          function ensureOption(select, value) {
            if (!select || !value) { return; }
            for (var i = 0; i < select.options.length; i++) { if (select.options[i].value === value) { return; } }
            var option = document.createElement('option');
            option.value = value;
            option.textContent = value;
            select.appendChild(option);
          }
          function syncControls() {
            severityBoxes.forEach(function (box) { box.checked = state.severity.indexOf(box.value) >= 0; });
            categoryBoxes.forEach(function (box) { box.checked = state.category.indexOf(box.value) >= 0; });
            if (ruleSelect) { ensureOption(ruleSelect, state.rule); ruleSelect.value = state.rule; }
            if (sellerSelect) { ensureOption(sellerSelect, state.seller); sellerSelect.value = state.seller; }
            if (textInput) { textInput.value = state.q; }
          }
          function readControls() {
            state.severity = severityBoxes.filter(function (b) { return b.checked; }).map(function (b) { return b.value; });
            state.category = categoryBoxes.filter(function (b) { return b.checked; }).map(function (b) { return b.value; });
            state.rule = ruleSelect ? ruleSelect.value : '';
            state.seller = sellerSelect ? sellerSelect.value : '';
            state.q = textInput ? textInput.value : '';
          }
          function matches(row) {
            var d = row.dataset;
            if (state.severity.length && state.severity.indexOf(d.severity) < 0) { return false; }
            if (state.category.length && state.category.indexOf(d.category) < 0) { return false; }
            if (state.rule && d.rule !== state.rule) { return false; }
            if (state.seller && d.seller !== state.seller) { return false; }
            var needle = state.q.trim().toLowerCase();
            if (needle) {
              var haystack = (row.textContent + ' ' + (d.search || '')).toLowerCase();
              var terms = needle.split(/\s+/);
              for (var i = 0; i < terms.length; i++) { if (haystack.indexOf(terms[i]) < 0) { return false; } }
            }
            return true;
          }
          function cellValue(row, key) {
            var cell = row.cells[columnIndex[key]];
            if (!cell) { return ''; }
            var value = cell.getAttribute('data-sort');
            return value === null ? cell.textContent.trim() : value;
          }
          function order() {
            var sort = state.sort;
            var descending = sort.charAt(0) === '-';
            var key = descending ? sort.slice(1) : sort;
            var sorted = rows.slice();
            if (key) {
              var collator = new Intl.Collator(undefined, { numeric: true, sensitivity: 'base' });
              sorted.sort(function (a, b) {
                var c = collator.compare(cellValue(a, key), cellValue(b, key));
                if (c !== 0) { return descending ? -c : c; }
                return Number(a.dataset.index) - Number(b.dataset.index);
              });
            } else {
              sorted.sort(function (a, b) { return Number(a.dataset.index) - Number(b.dataset.index); });
            }
            sorted.forEach(function (row) { tbody.appendChild(row); });
            if (noMatch) { tbody.appendChild(noMatch); }
            headers.forEach(function (th) {
              var k = th.getAttribute('data-key');
              th.setAttribute('aria-sort', k === key ? (descending ? 'descending' : 'ascending') : 'none');
            });
            table.setAttribute('data-sort', sort || 'rank');
          }
          function apply() {
            var shown = 0;
            rows.forEach(function (row) {
              var visible = matches(row);
              row.hidden = !visible;
              row.setAttribute('data-visible', visible ? 'true' : 'false');
              if (visible) { shown++; }
            });
            order();
            if (counter) { counter.textContent = shown + ' of ' + total + ' shown'; }
            if (noMatch) { noMatch.hidden = shown !== 0 || total === 0; }
            table.setAttribute('data-shown', String(shown));
          }
          function writeHash() {
            var text = serialize(state);
            var base = location.href.split('#')[0];
            try { history.replaceState(null, '', text ? base + '#' + text : base); } catch (e) { /* file: URLs in some browsers */ }
          }
          function onControlsChanged() { readControls(); apply(); writeHash(); }

          severityBoxes.concat(categoryBoxes).forEach(function (box) { box.addEventListener('change', onControlsChanged); });
          if (ruleSelect) { ruleSelect.addEventListener('change', onControlsChanged); }
          if (sellerSelect) { sellerSelect.addEventListener('change', onControlsChanged); }
          if (textInput) { textInput.addEventListener('input', onControlsChanged); }
          if (resetButton) {
            resetButton.addEventListener('click', function () { state = emptyState(); syncControls(); apply(); writeHash(); });
          }
          headers.forEach(function (th) {
            var button = th.querySelector('button');
            if (!button) { return; }
            button.addEventListener('click', function () {
              var key = th.getAttribute('data-key');
              var current = state.sort.charAt(0) === '-' ? state.sort.slice(1) : state.sort;
              if (current === key) {
                state.sort = state.sort.charAt(0) === '-' ? key : '-' + key;
              } else {
                state.sort = descendingFirst[key] ? '-' + key : key;
              }
              apply();
              writeHash();
            });
          });
          window.addEventListener('hashchange', function () {
            var next = parse(location.hash);
            if (!next) { return; }
            state = next;
            syncControls();
            apply();
            var section = document.getElementById('findings');
            if (section && section.scrollIntoView) { section.scrollIntoView(); }
          });

          var initial = parse(location.hash);
          if (initial) { state = initial; }
          syncControls();
          apply();
          root.setAttribute('data-ready', 'true');
        })();
        """#
}
