// Submits forms marked data-auto-submit (the one-click handoff between firms); without JS the button is there.
document.querySelectorAll('form[data-auto-submit]').forEach(function (form) { form.submit(); });
