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
