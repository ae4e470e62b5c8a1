// Client portal settings: Copy URL buttons, and each colour picker kept in step with its hex field.
(function () {
  var status = document.querySelector('.copy-status');
  document.querySelectorAll('button[data-copy]').forEach(function (button) {
    var input = document.getElementById(button.getAttribute('data-copy'));
    if (!input || !navigator.clipboard) return;
    button.hidden = false;
    button.addEventListener('click', function () {
      navigator.clipboard.writeText(input.value).then(
        function () {
          if (status) status.textContent = 'Copied ' + input.value;
          button.firstChild.textContent = 'Copied';
          setTimeout(function () { button.firstChild.textContent = 'Copy'; }, 2000);
        },
        function () {
          input.focus();
          input.select();
        }
      );
    });
  });
  document.querySelectorAll('[data-colour-pair]').forEach(function (pair) {
    var name = pair.getAttribute('data-colour-pair');
    var hex = pair.querySelector('input[name="' + name + '"]');
    var picker = pair.querySelector('input[name="' + name + '_picker"]');
    if (!hex || !picker) return;
    picker.addEventListener('input', function () { hex.value = picker.value.toUpperCase(); });
    hex.addEventListener('input', function () {
      if (/^#[0-9A-Fa-f]{6}$/.test(hex.value)) picker.value = hex.value.toLowerCase();
    });
  });
})();
