// Progressive enhancement for task file uploads: the plain multipart form keeps working without this script.
// With it: an upload progress bar (XMLHttpRequest upload events), drag and drop onto the task, a size check before
// sending, and the attachments part of the page swapped in place when the upload is done.
(function () {
  'use strict';
  if (!window.FormData || !window.XMLHttpRequest || !document.querySelector) return;

  function currentForm() {
    return document.querySelector('form[data-uploads]');
  }

  function liveRegion(form) {
    return document.getElementById(form.getAttribute('data-live') || 'upload-live');
  }

  var pendingAnnouncement = 0;

  function announce(form, text) {
    var live = liveRegion(form);
    if (!live) return;
    window.clearTimeout(pendingAnnouncement);
    live.textContent = '';
    // A fresh text node after a tick is announced even when the words repeat.
    pendingAnnouncement = window.setTimeout(function () { live.textContent = text; }, 50);
  }

  function silence(form) {
    window.clearTimeout(pendingAnnouncement);
    var live = liveRegion(form);
    if (live) live.textContent = '';
  }

  function fill(template, values) {
    return template.replace(/\{(\w+)\}/g, function (whole, name) {
      return Object.prototype.hasOwnProperty.call(values, name) ? String(values[name]) : whole;
    });
  }

  function formatSize(bytes) {
    var units = ['B', 'KB', 'MB', 'GB'];
    var value = bytes;
    var unit = 0;
    while (value >= 1024 && unit < units.length - 1) { value /= 1024; unit++; }
    return (unit === 0 || value >= 10 ? Math.round(value) : Math.round(value * 10) / 10) + ' ' + units[unit];
  }

  function enhance(form) {
    if (!form || form.getAttribute('data-enhanced') === '1') return;
    form.setAttribute('data-enhanced', '1');
    var hint = form.querySelector('[data-drop-hint]');
    if (hint) hint.hidden = false;
  }

  /** Replaces the attachments part with the server's fragment and moves focus to what changed. */
  function swapIn(form, html) {
    var targetId = form.getAttribute('data-target') || 'task-files';
    var target = document.getElementById(targetId);
    if (!target) return false;
    var holder = document.createElement('template');
    holder.innerHTML = html;
    var next = holder.content.getElementById ? holder.content.getElementById(targetId) : holder.content.querySelector('#' + targetId);
    if (!next) return false;
    target.replaceWith(next);
    if (window.htmx && typeof window.htmx.process === 'function') window.htmx.process(next);
    enhance(next.querySelector('form[data-uploads]'));
    var summary = next.querySelector('.error-summary');
    var notice = next.querySelector('.notice');
    if (summary) {
      summary.focus();
    } else if (notice) {
      // Focus reads the result out; the notice is also a status region, so no second announcement here.
      notice.setAttribute('tabindex', '-1');
      notice.focus();
      silence(form);
    }
    return true;
  }

  function tooLarge(form, files) {
    var max = Number(form.getAttribute('data-max-bytes') || 0);
    if (!max) return null;
    for (var i = 0; i < files.length; i++) {
      if (files[i].size > max) return fill(form.getAttribute('data-text-too-large') || '', { name: files[i].name, limit: formatSize(max) });
    }
    return null;
  }

  function showLocalError(form, message) {
    var input = form.querySelector('input[type=file]');
    var errorId = (input && input.id ? input.id : 'field-files') + '-client-error';
    var existing = document.getElementById(errorId);
    if (existing) existing.remove();
    var p = document.createElement('p');
    p.className = 'field-error';
    p.id = errorId;
    p.textContent = message;
    if (input) {
      input.parentNode.insertBefore(p, input);
      input.setAttribute('aria-invalid', 'true');
      input.setAttribute('aria-describedby', ((input.getAttribute('aria-describedby') || '') + ' ' + errorId).trim());
      input.focus();
    }
    announce(form, message);
  }

  function upload(form) {
    var input = form.querySelector('input[type=file]');
    var files = input ? input.files : null;
    if (!files || files.length === 0) return false;
    var problem = tooLarge(form, files);
    if (problem) {
      showLocalError(form, problem);
      return true;
    }
    var data = new FormData(form);
    var xhr = new XMLHttpRequest();
    var progressBox = form.querySelector('[data-progress]');
    var bar = progressBox ? progressBox.querySelector('progress') : null;
    var button = form.querySelector('button[type=submit], button:not([type])');
    var progressText = form.getAttribute('data-text-progress') || '{percent}%';
    var failedText = form.getAttribute('data-text-failed') || 'The upload did not finish.';
    var lastAnnounced = -1;

    function finish() {
      if (progressBox) progressBox.hidden = true;
      if (button) button.disabled = false;
      form.removeAttribute('aria-busy');
    }

    xhr.open('POST', form.action);
    xhr.setRequestHeader('HX-Request', 'true');
    xhr.setRequestHeader('Accept', 'text/html');
    xhr.upload.addEventListener('progress', function (event) {
      if (!event.lengthComputable || !bar) return;
      var percent = Math.min(100, Math.round((event.loaded / event.total) * 100));
      bar.value = percent;
      bar.setAttribute('aria-valuetext', fill(progressText, { percent: percent }));
      // Announce every quarter, not every event.
      var quarter = Math.floor(percent / 25);
      if (quarter !== lastAnnounced) {
        lastAnnounced = quarter;
        announce(form, fill(progressText, { percent: percent }));
      }
    });
    xhr.addEventListener('load', function () {
      var redirect = xhr.getResponseHeader('HX-Redirect');
      if (redirect) {
        window.location.assign(redirect);
        return;
      }
      finish();
      var type = xhr.getResponseHeader('Content-Type') || '';
      if (type.indexOf('text/html') === -1 || !swapIn(form, xhr.responseText)) announce(form, failedText);
    });
    xhr.addEventListener('error', function () { finish(); announce(form, failedText); });
    xhr.addEventListener('abort', function () { finish(); announce(form, failedText); });

    if (progressBox) progressBox.hidden = false;
    if (bar) bar.value = 0;
    if (button) button.disabled = true;
    form.setAttribute('aria-busy', 'true');
    announce(form, fill(progressText, { percent: 0 }));
    xhr.send(data);
    return true;
  }

  document.addEventListener('submit', function (event) {
    var form = event.target;
    if (!(form instanceof HTMLFormElement) || !form.hasAttribute('data-uploads')) return;
    if (upload(form)) event.preventDefault();
  });

  function hasFiles(event) {
    var types = event.dataTransfer && event.dataTransfer.types;
    if (!types) return false;
    for (var i = 0; i < types.length; i++) if (types[i] === 'Files') return true;
    return false;
  }

  function dropZone() {
    var form = currentForm();
    return form ? form.closest('main') || document.body : null;
  }

  var depth = 0;
  function setActive(on) {
    var zone = dropZone();
    var form = currentForm();
    if (!zone || !form) return;
    zone.classList.toggle('drop-active', on);
    if (on) zone.setAttribute('data-drop-text', form.getAttribute('data-text-drop') || '');
  }

  document.addEventListener('dragenter', function (event) {
    if (!hasFiles(event) || !currentForm()) return;
    event.preventDefault();
    depth++;
    setActive(true);
  });
  document.addEventListener('dragover', function (event) {
    if (!hasFiles(event) || !currentForm()) return;
    event.preventDefault();
    event.dataTransfer.dropEffect = 'copy';
  });
  document.addEventListener('dragleave', function (event) {
    if (!hasFiles(event) || !currentForm()) return;
    depth = Math.max(0, depth - 1);
    if (depth === 0) setActive(false);
  });
  document.addEventListener('drop', function (event) {
    var form = currentForm();
    if (!hasFiles(event) || !form) return;
    event.preventDefault();
    depth = 0;
    setActive(false);
    var input = form.querySelector('input[type=file]');
    if (!input || !event.dataTransfer.files.length) return;
    try {
      input.files = event.dataTransfer.files;
    } catch (error) {
      return;
    }
    upload(form);
  });

  function init() {
    enhance(currentForm());
  }
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', init);
  else init();
})();
