// The passkey (WebAuthn) ceremony for the forms marked data-passkey-options (adding a passkey on the account page,
// logging in with one on the login page). On submit it asks the server for the options (a same-origin POST with the
// form's CSRF token), lets the device make or use a passkey, puts the device's answer into the form's hidden
// "credential" field and sends the form as usual. Without JavaScript or WebAuthn the form is sent without an
// answer, and the page that comes back says what is missing.
(function () {
  'use strict';
  var forms = document.querySelectorAll('form[data-passkey-options]');
  if (!forms.length || !window.PublicKeyCredential || !navigator.credentials || !window.fetch) {
    return;
  }

  function toBuffer(base64url) {
    var base64 = base64url.replace(/-/g, '+').replace(/_/g, '/');
    while (base64.length % 4) {
      base64 += '=';
    }
    var binary = atob(base64);
    var bytes = new Uint8Array(binary.length);
    for (var i = 0; i < binary.length; i++) {
      bytes[i] = binary.charCodeAt(i);
    }
    return bytes.buffer;
  }

  function toBase64url(buffer) {
    var bytes = new Uint8Array(buffer);
    var binary = '';
    for (var i = 0; i < bytes.length; i++) {
      binary += String.fromCharCode(bytes[i]);
    }
    return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
  }

  // The server leaves unset options out or null; the browser refuses null where it expects a word
  function withoutNulls(value) {
    if (Array.isArray(value)) {
      return value.map(withoutNulls);
    }
    if (value && typeof value === 'object') {
      var copy = {};
      Object.keys(value).forEach(function (key) {
        if (value[key] !== null) {
          copy[key] = withoutNulls(value[key]);
        }
      });
      return copy;
    }
    return value;
  }

  function askForOptions(form) {
    var body = new URLSearchParams();
    var token = form.querySelector('input[name="csrf-token"]');
    if (token) {
      body.set(token.name, token.value);
    }
    return fetch(form.getAttribute('data-passkey-options'), {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'Accept': 'application/json' },
      body: body
    }).then(function (response) {
      if (!response.ok) {
        throw new Error('The options could not be had: ' + response.status);
      }
      return response.json();
    });
  }

  function runCeremony(options) {
    var publicKey = withoutNulls(options);
    publicKey.challenge = toBuffer(publicKey.challenge);
    (publicKey.excludeCredentials || publicKey.allowCredentials || []).forEach(function (known) {
      known.id = toBuffer(known.id);
    });
    if (publicKey.user) {
      publicKey.user.id = toBuffer(publicKey.user.id);
      return navigator.credentials.create({ publicKey: publicKey });
    }
    return navigator.credentials.get({ publicKey: publicKey });
  }

  // The answer in the shape the server's WebAuthn verification reads
  function answerOf(credential) {
    var response = credential.response;
    var answer = { clientDataJSON: toBase64url(response.clientDataJSON) };
    if (response.attestationObject) {
      answer.attestationObject = toBase64url(response.attestationObject);
    }
    if (response.authenticatorData) {
      answer.authenticatorData = toBase64url(response.authenticatorData);
      answer.signature = toBase64url(response.signature);
      if (response.userHandle) {
        answer.userHandle = toBase64url(response.userHandle);
      }
    }
    return JSON.stringify({ id: credential.id, rawId: toBase64url(credential.rawId), response: answer,
      type: credential.type });
  }

  function statusOf(form) {
    var status = form.querySelector('.passkey-status');
    if (!status) {
      status = document.createElement('p');
      status.className = 'passkey-status';
      status.setAttribute('role', 'status');
      form.appendChild(status);
    }
    return status;
  }

  Array.prototype.forEach.call(forms, function (form) {
    var field = form.querySelector('input[name="credential"]');
    var busy = false;
    form.addEventListener('submit', function (event) {
      var name = form.querySelector('input[name="passkeyName"]');
      if (!field || field.value || (name && !name.value.trim())) {
        return; // sent as it is: the server answers a missing name itself
      }
      event.preventDefault();
      if (busy) {
        return;
      }
      busy = true;
      var status = statusOf(form);
      status.textContent = 'Follow your device\u2019s prompt\u2026';
      askForOptions(form).then(runCeremony).then(function (credential) {
        field.value = answerOf(credential);
        status.textContent = 'Checking\u2026';
        form.submit();
      }).catch(function () {
        busy = false;
        field.value = '';
        status.textContent = 'No passkey was used: the prompt was closed, or this device has none for HeavyLegs. '
          + 'Try again, or use your password.';
      });
    });
  });
})();
