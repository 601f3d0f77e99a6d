// Keeps the overview's figures live from /overview/stream (server-sent events, one "overview" event of JSON).
// No inline script (the Content-Security-Policy allows only files from here), no library.
(function () {
  'use strict';
  function text(testId, value) {
    var el = document.querySelector('[data-testid="' + testId + '"]');
    if (el && value !== undefined && value !== null) { el.textContent = String(value); }
  }
  function round(n) { return Math.round(n * 100) / 100; }
  function stageRow(stage) {
    var row = document.querySelector('[data-testid="stage-' + stage.name + '"]');
    if (!row) {
      row = document.createElement('tr');
      row.setAttribute('data-testid', 'stage-' + stage.name);
      ['name', 'health', 'lag', 'reasons'].forEach(function (c) {
        var td = document.createElement('td'); td.className = c; row.appendChild(td);
      });
      row.firstChild.textContent = stage.name;
      var body = document.querySelector('[data-testid="stages"]');
      if (body) { body.appendChild(row); }
    }
    row.setAttribute('data-up', String(stage.up));
    row.querySelector('.health').textContent = stage.up ? 'UP' : (stage.reachable ? 'DOWN' : 'unreachable');
    row.querySelector('.lag').textContent = stage.lag === null || stage.lag === undefined ? '-' : String(stage.lag);
    row.querySelector('.reasons').textContent = (stage.reasons || []).join('; ');
  }
  function apply(o) {
    var c = o.coverage;
    text('count-total', c.total);
    text('count-with-image', c.withImage);
    text('count-without-image', c.withoutImage);
    text('count-in-flight', c.inFlight);
    text('count-awaiting-review', c.awaitingReview);
    text('count-skipped', c.skipped);
    text('count-dead-lettered', c.deadLettered);
    var progress = document.querySelector('[data-testid="progress"]');
    if (progress) { progress.value = o.percent; progress.textContent = o.percent + '%'; }
    text('percent', o.percent);
    text('eta', o.eta);
    text('rate', round(o.ratePerMinute));
    text('quota', o.quotaPerMinute);
    text('images-today', o.imagesToday);
    text('cost-today', o.costToday);
    text('chat-cost-today', o.chatCostToday);
    text('review-mode', o.reviewMode);
    (o.stages || []).forEach(stageRow);
    (o.deployments || []).forEach(function (d) {
      var row = document.querySelector('[data-testid="deployment-' + d.name + '"]');
      if (row) {
        row.querySelector('.calls').textContent = String(round(d.callsPerMinute));
        row.querySelector('.throttled').textContent = String(d.throttledTotal);
        row.querySelector('.throttled-rate').textContent = String(round(d.throttledPerMinute));
      }
    });
    var warning = document.querySelector('[data-testid="catching-up"]');
    if (warning && o.caughtUp) { warning.remove(); }
    document.body.setAttribute('data-live', 'true');
  }
  var section = document.querySelector('[data-stream]');
  if (!section || !window.EventSource) { return; }
  var source = new EventSource(section.getAttribute('data-stream'));
  source.addEventListener('overview', function (event) { apply(JSON.parse(event.data)); });
}());
