// The report's Print button: without JavaScript it stays hidden and the page says to use the browser's Print command.
document.addEventListener('DOMContentLoaded', function () {
  var button = document.getElementById('print-report');
  if (!button) {
    return;
  }
  button.hidden = false;
  var hint = document.getElementById('print-hint');
  if (hint) {
    hint.hidden = true;
  }
  button.addEventListener('click', function () {
    window.print();
  });
});
