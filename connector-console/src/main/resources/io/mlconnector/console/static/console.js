// ml-connector operator console: plain JavaScript, no build step. Every value from the API is put in the page as
// text (textContent), never as HTML. Every write asks for confirmation first, then POSTs.
(function () {
  'use strict';

  var state = {
    token: sessionStorage.getItem('mlc.token'),
    operator: sessionStorage.getItem('mlc.operator') || '',
    connection: sessionStorage.getItem('mlc.connection') || ''
  };
  var PAGES = ['waiting', 'mappings', 'health', 'reconciliation'];
  var KIND_WORDS = {
    VENDOR: 'Vendor', PROJECT: 'Project', GL_ACCOUNT: 'GL account → cost code', VENDOR_PROJECT: 'Vendor → project',
    CLIENT_PROJECT: 'Client → project', ITEM: 'Item → cost code', PROJECT_DEFAULT_COST_CODE: 'Project default cost code',
    COST_CODE_CATEGORY: 'Cost code → expense category'
  };

  function $(sel) { return document.querySelector(sel); }

  function el(tag, props) {
    var e = document.createElement(tag);
    if (props) {
      Object.keys(props).forEach(function (k) {
        if (k === 'text') { e.textContent = props[k]; }
        else if (k === 'cls') { e.className = props[k]; }
        else if (k === 'data') { Object.keys(props.data).forEach(function (d) { e.dataset[d] = props.data[d]; }); }
        else if (k === 'on') { Object.keys(props.on).forEach(function (ev) { e.addEventListener(ev, props.on[ev]); }); }
        else { e.setAttribute(k, props[k]); }
      });
    }
    for (var i = 2; i < arguments.length; i++) {
      var c = arguments[i];
      if (c === null || c === undefined) { continue; }
      e.appendChild(typeof c === 'string' ? document.createTextNode(c) : c);
    }
    return e;
  }

  function when(iso) {
    if (!iso) { return '—'; }
    var d = new Date(iso);
    return isNaN(d.getTime()) ? iso : d.toLocaleString();
  }

  function toast(message, bad) {
    var t = $('#toast');
    t.textContent = message;
    t.className = 'show' + (bad ? ' bad' : '');
    clearTimeout(toast.timer);
    toast.timer = setTimeout(function () { t.className = ''; }, 6000);
  }

  // ---------------------------------------------------------------- API

  function AuthError() { this.message = 'the operator token was refused'; }

  function headers(extra) {
    var h = { 'Authorization': 'Bearer ' + state.token };
    if (state.operator) { h['X-MLC-Operator'] = state.operator; }
    Object.keys(extra || {}).forEach(function (k) { h[k] = extra[k]; });
    return h;
  }

  function withConnection(path) {
    if (!state.connection) { return path; }
    return path + (path.indexOf('?') < 0 ? '?' : '&') + 'connection=' + encodeURIComponent(state.connection);
  }

  function check(res) {
    if (res.status === 401) { showLogin('The token was refused; enter it again.'); throw new AuthError(); }
    return res;
  }

  function getJson(path) {
    return fetch('api/' + withConnection(path), { headers: headers(), cache: 'no-store' }).then(check)
      .then(function (res) {
        return res.json().then(function (body) {
          if (!res.ok) { throw new Error(body.error || ('HTTP ' + res.status)); }
          return body;
        });
      });
  }

  function postJson(path, body) {
    if (state.connection) { body.connection = state.connection; }
    return fetch('api/' + path, {
      method: 'POST', headers: headers({ 'Content-Type': 'application/json' }), body: JSON.stringify(body)
    }).then(check).then(function (res) {
      return res.json().then(function (b) {
        if (!res.ok) { throw new Error(b.error || ('HTTP ' + res.status)); }
        return b;
      });
    });
  }

  function failed(err) {
    if (!(err instanceof AuthError)) { toast(err.message, true); }
  }

  // ---------------------------------------------------------------- confirm step before every write

  function confirmThen(text, action) {
    var dialog = $('#confirm-dialog');
    $('#confirm-text').textContent = text;
    dialog.returnValue = '';
    dialog.onclose = function () {
      if (dialog.returnValue === 'ok') { action(); }
    };
    dialog.showModal();
    $('#confirm-yes').focus();
  }

  // ---------------------------------------------------------------- login

  function showLogin(message) {
    sessionStorage.removeItem('mlc.token');
    state.token = null;
    document.querySelectorAll('.page').forEach(function (p) { p.hidden = true; });
    $('#login').hidden = false;
    $('#login-error').textContent = message || '';
    $('#token-input').focus();
  }

  $('#login-form').addEventListener('submit', function (ev) {
    ev.preventDefault();
    state.token = $('#token-input').value.trim();
    state.operator = $('#operator-input').value.trim();
    sessionStorage.setItem('mlc.token', state.token);
    sessionStorage.setItem('mlc.operator', state.operator);
    $('#token-input').value = '';
    start();
  });

  $('#sign-out').addEventListener('click', function () { showLogin('Token forgotten.'); });

  // ---------------------------------------------------------------- pages

  function show(page) {
    if (PAGES.indexOf(page) < 0) { page = 'waiting'; }
    $('#login').hidden = true;
    PAGES.forEach(function (p) {
      $('#page-' + p).hidden = p !== page;
      var link = document.querySelector('nav a[data-page="' + p + '"]');
      link.className = p === page ? 'active' : '';
    });
    ({ waiting: loadWaiting, mappings: loadMappings, health: loadHealth, reconciliation: loadReports })[page]();
  }

  function loadWaiting() {
    var body = $('#waiting-table tbody');
    return getJson('waiting').then(function (data) {
      body.textContent = '';
      $('#waiting-empty').hidden = data.records.length > 0;
      $('#waiting-table').hidden = data.records.length === 0;
      data.records.forEach(function (r) {
        var reasons = el('ul', { cls: 'reasons' });
        r.reasons.forEach(function (p) { reasons.appendChild(el('li', { text: p.text })); });
        var why = el('td', null, reasons);
        if (r.technical) { why.appendChild(el('details', null, el('summary', { text: 'details' }), r.technical)); }
        var replay = el('button', { type: 'button', cls: 'replay-one', data: { key: r.key }, text: 'Replay',
          on: { click: function () {
            confirmThen('Replay ' + r.record + '? It goes back to the queue and is posted if its cause is fixed.',
              function () {
                postJson('replay', { key: r.key }).then(function (res) {
                  toast('Replayed ' + r.record + ': ' + res.replay.requeued + ' work item(s) requeued.');
                  setTimeout(loadWaiting, 1000);
                }).catch(failed);
              });
          } } });
        body.appendChild(el('tr', { data: { key: r.key } },
          el('td', null, el('b', { text: r.record }), el('div', { cls: 'hint', text: r.key })),
          el('td', null, el('span', { cls: 'state state-' + r.state, text: r.state.toLowerCase() })),
          why, el('td', { text: when(r.since) }), el('td', null, replay)));
      });
    }).catch(failed);
  }

  function loadMappings() {
    var list = $('#mappings-list');
    return getJson('unmapped').then(function (data) {
      list.textContent = '';
      $('#mappings-empty').hidden = data.items.length > 0;
      data.items.forEach(function (item) { list.appendChild(mappingCard(item)); });
    }).catch(failed);
  }

  function targetWords(t) { return (t.name ? t.name + ' ' : '') + '(' + t.id + ')'; }

  function mappingCard(item) {
    var card = el('div', { cls: 'card', data: { kind: item.kind, source: item.sourceId } });
    var waiting = item.waitingKeys.length;
    card.appendChild(el('h3', { text: item.description }));
    card.appendChild(el('div', { cls: 'meta', text: (KIND_WORDS[item.kind] || item.kind) + ' mapping · '
        + (waiting === 1 ? '1 record waits for it' : waiting + ' records wait for it') }));
    var actions = el('div', { cls: 'actions' });
    card.appendChild(actions);

    function setDone(edit) {
      card.className = 'card done';
      actions.textContent = '';
      actions.appendChild(el('span', { text: 'Mapped to ' + edit.after.targetId
          + (edit.after.label ? ' — ' + edit.after.label : '') + '.' }));
      if (waiting > 0) { actions.appendChild(replayButton()); }
    }

    function replayButton() {
      return el('button', { type: 'button', cls: 'replay-waiting',
        text: 'Replay ' + waiting + ' waiting record' + (waiting === 1 ? '' : 's'),
        on: { click: function () {
          confirmThen('Replay the ' + waiting + ' record(s) waiting for ' + item.description + '?', function () {
            postJson('replay', { kind: item.kind, sourceId: item.sourceId }).then(function (res) {
              toast('Replayed ' + res.replay.keys.length + ' record(s); ' + res.replay.requeued
                + ' work item(s) requeued.');
            }).catch(failed);
          });
        } } });
    }

    function write(path, body, sentence) {
      confirmThen(sentence, function () {
        postJson(path, body).then(function (res) {
          toast('Saved: ' + sentence.replace(/\?$/, '.'));
          setDone(res.edit);
        }).catch(failed);
      });
    }

    if (item.suggested) {
      actions.appendChild(el('span', { text: 'Suggested: ' + targetWords(item.suggested) }));
      actions.appendChild(el('button', { type: 'button', cls: 'confirm-suggestion', text: 'Confirm suggestion',
        on: { click: function () {
          write('mappings/confirm', { kind: item.kind, sourceId: item.sourceId },
            'Map ' + item.description + ' to ' + targetWords(item.suggested) + ' (confirm the suggestion)?');
        } } }));
    }
    item.nameMatches.forEach(function (m) {
      actions.appendChild(el('button', { type: 'button', cls: 'quiet use-match',
        text: 'Use ' + targetWords(m.option) + ' · ' + m.score + '% alike',
        on: { click: function () {
          write('mappings/set', { kind: item.kind, sourceId: item.sourceId, targetId: m.option.id },
            'Map ' + item.description + ' to ' + targetWords(m.option) + '?');
        } } }));
    });
    var pick = el('button', { type: 'button', cls: 'quiet pick', text: 'Pick from list…', on: { click: function () {
      pick.disabled = true;
      getJson('targets?kind=' + encodeURIComponent(item.kind)).then(function (data) {
        var select = el('select', { cls: 'pick-select' });
        data.targets.forEach(function (t) {
          select.appendChild(el('option', { value: t.id, text: targetWords(t) + (t.active ? '' : ' [inactive]') }));
        });
        var filter = el('input', { type: 'search', placeholder: 'filter', cls: 'pick-filter', on: { input: function () {
          var f = filter.value.toLowerCase();
          Array.prototype.forEach.call(select.options, function (o) {
            o.hidden = f !== '' && o.textContent.toLowerCase().indexOf(f) < 0;
          });
        } } });
        var set = el('button', { type: 'button', cls: 'pick-set', text: 'Set mapping', on: { click: function () {
          var chosen = select.options[select.selectedIndex];
          if (!chosen) { return; }
          write('mappings/set', { kind: item.kind, sourceId: item.sourceId, targetId: chosen.value },
            'Map ' + item.description + ' to ' + chosen.textContent + '?');
        } } });
        pick.replaceWith(filter, select, set);
      }).catch(function (e) { pick.disabled = false; failed(e); });
    } } });
    actions.appendChild(pick);
    if (waiting > 0) { actions.appendChild(replayButton()); }
    return card;
  }

  function loadHealth() {
    var body = $('#health-table tbody');
    return getJson('health').then(function (data) {
      $('#health-status').textContent = 'Overall: ' + data.health.status
        + (data.health.reasons.length ? ' — ' + data.health.reasons.join('; ') : '');
      body.textContent = '';
      data.streams.forEach(function (s) {
        body.appendChild(el('tr', null, el('td', { text: s.connectionId }), el('td', { text: s.stream }),
          el('td', null, el('span', { cls: 'state state-' + (s.failing ? 'failing' : 'ok'),
            text: s.failing ? 'failing' : 'ok' })),
          el('td', { text: when(s.lastSuccess) }), el('td', { text: when(s.lastFailure) }),
          el('td', { cls: 'num', text: String(s.consecutiveFailures) }), el('td', { text: s.lastError || '' })));
      });
    }).catch(failed);
  }

  function month() { return $('#recon-month').value; }

  $('#recon-form').addEventListener('submit', function (ev) {
    ev.preventDefault();
    var out = $('#recon-result');
    out.textContent = 'Reconciling…';
    getJson('reconciliation?period=' + encodeURIComponent(month())).then(function (r) {
      out.textContent = '';
      var s = r.summary;
      var summary = el('div', { cls: 'summary' });
      [['Matched', s.matched], ['Different', s.different], ['Only in accounting', s.accountingOnly],
        ['Only in projects', s.projectOnly], ['Flagged', s.flagged], ['Waiting', s.waiting]].forEach(function (p) {
        summary.appendChild(el('div', null, el('b', { text: String(p[1]) }), p[0]));
      });
      out.appendChild(summary);
      var table = el('table', { id: 'recon-table' }, el('thead', null, el('tr', null,
        el('th', { text: 'Status' }), el('th', { text: 'Record' }), el('th', { text: 'Number' }),
        el('th', { text: 'Date' }), el('th', { text: 'Accounting' }), el('th', { text: 'Projects' }),
        el('th', { text: 'Difference' }), el('th', { text: 'Reason' }))));
      var tb = el('tbody');
      r.records.forEach(function (c) {
        tb.appendChild(el('tr', null, el('td', { text: c.status }), el('td', { text: c.sourceKey || '' }),
          el('td', { text: c.number || '' }), el('td', { text: c.date || '' }),
          el('td', { cls: 'num', text: (c.accountingAmount || '') + ' ' + (c.currency || '') }),
          el('td', { cls: 'num', text: c.projectAmount || '' }), el('td', { cls: 'num', text: c.difference || '' }),
          el('td', { text: c.reason || '' })));
      });
      table.appendChild(tb);
      out.appendChild(r.records.length ? table : el('div', { cls: 'empty', text: 'No records in ' + r.period + '.' }));
    }).catch(function (e) { out.textContent = ''; failed(e); });
  });

  function download(path, fallbackName) {
    fetch('api/' + withConnection(path), { headers: headers() }).then(check).then(function (res) {
      if (!res.ok) { return res.json().then(function (b) { throw new Error(b.error); }); }
      var cd = res.headers.get('Content-Disposition') || '';
      var m = /filename="([^"]+)"/.exec(cd);
      return res.blob().then(function (blob) {
        var a = el('a', { href: URL.createObjectURL(blob), download: m ? m[1] : fallbackName });
        document.body.appendChild(a);
        a.click();
        setTimeout(function () { URL.revokeObjectURL(a.href); a.remove(); }, 1000);
      });
    }).catch(failed);
  }

  $('#recon-csv').addEventListener('click', function () {
    if (!month()) { toast('Choose a month first.', true); return; }
    download('reconciliation?format=csv&period=' + encodeURIComponent(month()), 'reconciliation-' + month() + '.csv');
  });

  function loadReports() {
    var list = $('#reports-list');
    return getJson('reports').then(function (data) {
      list.textContent = '';
      if (!data.reports.length) {
        list.appendChild(el('div', { cls: 'empty', text: 'No stored month-end reports yet.' }));
        return;
      }
      data.reports.forEach(function (r) {
        var card = el('div', { cls: 'card' }, el('h3', { text: r.period }),
          el('div', { cls: 'meta', text: 'made ' + when(r.createdAt) + ' · ' + (r.differences.length
            ? r.differences.length + ' difference(s)' : 'the books agree') }));
        if (r.differences.length) {
          var ul = el('ul', { cls: 'reasons' });
          r.differences.forEach(function (d) { ul.appendChild(el('li', { text: d })); });
          card.appendChild(ul);
        }
        if (r.hasCsv) {
          card.appendChild(el('div', { cls: 'actions' }, el('button', { type: 'button', cls: 'quiet',
            text: 'Download CSV', on: { click: function () {
              download('reports/csv?period=' + encodeURIComponent(r.period), 'report-' + r.period + '.csv');
            } } })));
        }
        list.appendChild(card);
      });
    }).catch(failed);
  }

  // ---------------------------------------------------------------- start

  function start() {
    if (!state.token) { showLogin(); return; }
    getJson('connections').then(function (data) {
      var select = $('#connection');
      select.textContent = '';
      data.connections.forEach(function (c) { select.appendChild(el('option', { value: c, text: c })); });
      if (data.connections.indexOf(state.connection) < 0) { state.connection = data.connections[0] || ''; }
      select.value = state.connection;
      show(location.hash.substring(1));
    }).catch(failed);
  }

  $('#connection').addEventListener('change', function () {
    state.connection = $('#connection').value;
    sessionStorage.setItem('mlc.connection', state.connection);
    show(location.hash.substring(1));
  });
  window.addEventListener('hashchange', function () { if (state.token) { show(location.hash.substring(1)); } });
  var now = new Date();
  var prev = new Date(now.getFullYear(), now.getMonth() - 1, 1);
  $('#recon-month').value = prev.getFullYear() + '-' + String(prev.getMonth() + 1).padStart(2, '0');
  start();
}());
