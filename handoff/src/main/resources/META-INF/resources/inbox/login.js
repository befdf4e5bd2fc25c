'use strict';
(function () {
  if (new URLSearchParams(location.search).has('error')) {
    document.getElementById('login-error').hidden = false;
  }
  document.querySelectorAll('[data-lang]').forEach(function (b) {
    b.addEventListener('click', function () { I18n.set(b.dataset.lang); });
  });
  I18n.apply();
})();
