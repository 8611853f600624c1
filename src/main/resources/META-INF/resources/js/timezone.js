// Offers the device's own time zone beside the profile's time zone list. Without JavaScript (or where the
// browser cannot tell its zone, or names one the list does not have) the list works on its own.
(function () {
  var select = document.getElementById('timeZone');
  if (!select || !window.Intl || !Intl.DateTimeFormat) {
    return;
  }
  var zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  if (!zone || select.value === zone) {
    return;
  }
  var offered = Array.prototype.some.call(select.options, function (option) { return option.value === zone; });
  if (!offered) {
    return;
  }
  var button = document.createElement('button');
  button.type = 'button';
  button.className = 'button button--secondary time-zone-suggestion';
  button.setAttribute('data-device-time-zone', zone);
  button.textContent = 'Use this device\u2019s time zone: ' + zone;
  button.addEventListener('click', function () {
    select.value = zone;
    button.parentNode.removeChild(button);
    select.focus();
  });
  select.parentNode.insertBefore(button, select.nextSibling);
})();
