// Small progressive enhancements; every page works without them.
document.addEventListener('DOMContentLoaded', () => {
  // Move focus to the error summary so keyboard and screen-reader users land on what went wrong.
  const summary = document.getElementById('error-summary');
  if (summary) summary.focus();

  // Copy buttons next to outputs (NAT IP, ProxyCommand, test commands).
  document.querySelectorAll('button.copy[data-copy-target]').forEach(button => {
    button.addEventListener('click', () => {
      const source = document.getElementById(button.dataset.copyTarget);
      if (source && navigator.clipboard) navigator.clipboard.writeText(source.textContent.trim());
    });
  });
});

// The run page follows its run over server-sent events and reloads once it ends, to show the outputs.
document.addEventListener('DOMContentLoaded', () => {
  const table = document.getElementById('steps');
  if (!table || table.dataset.finished === 'true' || !window.EventSource) return;
  const source = new EventSource(table.dataset.events);
  const seconds = (from, to) => from ? (((to ? Date.parse(to) : Date.now()) - Date.parse(from)) / 1000).toFixed(1) + ' s' : '';
  source.addEventListener('step', event => {
    const step = JSON.parse(event.data).step || JSON.parse(event.data);
    const row = table.querySelector('tr[data-step="' + CSS.escape(step.logicalId) + '"]');
    if (!row) return;
    row.querySelector('.step-status').textContent = step.status;
    row.querySelector('.step-elapsed').textContent = seconds(step.startedAt, step.finishedAt);
    row.querySelector('.step-aws-id').textContent = step.awsId || '';
    if (step.errorCode) row.querySelector('.step-error').textContent = step.errorCode + ': ' + (step.errorMessage || '');
  });
  source.addEventListener('run', event => {
    const run = JSON.parse(event.data);
    if (run.status && run.status !== 'RUNNING') {
      source.close();
      window.location.reload();
    }
  });
  source.onerror = () => { source.close(); setTimeout(() => window.location.reload(), 2000); };
});
