// Keeps the article page's "References gathered for N of M claims" line current while background
// workers gather references. Polls the progress endpoint until no claim is pending, then stops.
// A claim page's references arrive as a list, not a count: it marks its line data-progress-reload
// and is reloaded once gathering is done. A reload is silent to a screen reader, so the line's
// data-progress-done words are kept across it and shown at the top of the page, which takes focus
// (a screen reader reads what takes focus) as a sent form's message does. Someone typing in a form
// then is not interrupted: the line says data-progress-offer's words instead, with a button that reloads
// (data-progress-show's words: the page gives every word it shows in the reader's language).
(function () {
  "use strict";

  var POLL_MS = 3000;
  var DONE_KEY = "factcheck:progress-done";

  // Storage can be full or turned off (reading it then throws): the page still follows the work
  // and reloads, only without the message after the reload.
  function takeDone() {
    try {
      var done = window.sessionStorage.getItem(DONE_KEY);
      window.sessionStorage.removeItem(DONE_KEY);
      return done;
    } catch (error) {
      return null;
    }
  }

  function keepDone(words) {
    try {
      window.sessionStorage.setItem(DONE_KEY, words);
    } catch (error) {
      // As above.
    }
  }

  function sayDone() {
    var done = takeDone();
    var main = document.getElementById("main");
    if (!done || !main) {
      return;
    }
    var status = document.createElement("div");
    status.setAttribute("role", "status");
    status.innerHTML = '<ul class="messages" tabindex="-1"><li class="message message--success"></li></ul>';
    status.querySelector("li").textContent = done;
    main.insertBefore(status, main.firstChild);
    status.firstChild.focus();
  }

  function reloadSayingDone(container) {
    keepDone(container.getAttribute("data-progress-done") || "");
    window.location.reload();
  }

  // Whether focus is in a form's field: someone writing a verdict or filling in a form.
  function typingInAForm() {
    var active = document.activeElement;
    return Boolean(active && active.form && active.matches("input, textarea, select"));
  }

  // A reload under someone writing would take their focus away to the top of the page (what they
  // typed is kept, but not their place in it). So the page only says the work is done, in its
  // live region, and offers the reload as a button.
  function offerReload(container) {
    var region = container.querySelector("[data-progress-label]") || container;
    region.textContent = container.getAttribute("data-progress-offer") || "";
    var button = document.createElement("button");
    button.type = "button";
    button.className = "button button--small button--secondary";
    button.textContent = container.getAttribute("data-progress-show") || "";
    button.addEventListener("click", function () {
      reloadSayingDone(container);
    });
    container.appendChild(button);
  }

  function poll(container) {
    var url = container.getAttribute("data-progress-url");
    var label = container.querySelector("[data-progress-label]");
    var bar = container.querySelector("progress");

    function tick() {
      fetch(url, { headers: { Accept: "application/json" }, credentials: "same-origin" })
        .then(function (response) {
          if (!response.ok) {
            throw new Error("progress request failed: " + response.status);
          }
          return response.json();
        })
        .then(function (progress) {
          if (container.hasAttribute("data-progress-reload")) {
            if (progress.finished && typingInAForm()) {
              offerReload(container);
            } else if (progress.finished) {
              reloadSayingDone(container);
            } else {
              window.setTimeout(tick, POLL_MS);
            }
            return;
          }
          // The label is a live region: replacing its text, even with the same words, has a
          // screen reader read it out again, so it changes only when the progress does.
          if (label.textContent !== progress.label) {
            label.textContent = progress.label;
            bar.max = progress.total;
            bar.value = progress.gathered;
          }
          if (progress.finished) {
            container.classList.add("progress--complete");
          } else {
            window.setTimeout(tick, POLL_MS);
          }
        })
        .catch(function () {
          // The page still works without live progress; a reload shows the current state.
          container.classList.add("progress--stale");
        });
    }

    window.setTimeout(tick, POLL_MS);
  }

  document.addEventListener("DOMContentLoaded", function () {
    sayDone();
    document.querySelectorAll("[data-progress-url]").forEach(poll);
  });
})();

// Editors pick passages of the article with the mouse: "Add claim from selection" on the
// article page, "Add part from selection" when splitting a claim. The services take character
// offsets into article.body, so every rendered piece of text carries its own data-start and the
// selection's ends are counted from the piece they fall in. Counting per piece keeps an error
// (should the DOM text ever differ from the body) local instead of shifting every later offset.
(function () {
  "use strict";

  var SELECTION_SETTLES_MS = 300;

  // The page gives its words in the reader's language (the split form's data-part-legend and
  // data-part-added), with {name} where a value goes.
  function fill(words, values) {
    return words.replace(/\{(\w+)\}/g, function (placeholder, name) {
      return Object.prototype.hasOwnProperty.call(values, name) ? String(values[name]) : placeholder;
    });
  }

  // The article text a range covers: without what is not the article's (marked data-not-text: the
  // numbers after shared text, a claim's number and status written for screen readers).
  function articleText(range) {
    var contents = range.cloneContents();
    contents.querySelectorAll("[data-not-text]").forEach(function (node) {
      node.remove();
    });
    return contents.textContent;
  }

  // The offset in article.body of the point (node, offset), for a point inside `source` or
  // just outside it (a selection dragged past the text's first or last character).
  function bodyOffset(source, node, offset) {
    var pieces = source.querySelectorAll("[data-start]");
    for (var i = 0; i < pieces.length; i++) {
      var piece = pieces[i];
      var range = document.createRange();
      range.selectNodeContents(piece);
      var where = range.comparePoint(node, offset);
      if (where < 0) {
        return Number(piece.getAttribute("data-start"));
      }
      if (where === 0) {
        range.setEnd(node, offset);
        return Number(piece.getAttribute("data-start")) + articleText(range).length;
      }
    }
    return pieces.length ? Number(pieces[pieces.length - 1].getAttribute("data-end")) : 0;
  }

  // {start, end, text} of the current selection within `source`, or null when nothing of it
  // is selected.
  function selectedPassage(source) {
    var selection = window.getSelection();
    if (!selection || selection.rangeCount === 0 || selection.isCollapsed) {
      return null;
    }
    var range = selection.getRangeAt(0);
    if (!range.intersectsNode(source)) {
      return null;
    }
    var start = bodyOffset(source, range.startContainer, range.startOffset);
    var end = bodyOffset(source, range.endContainer, range.endOffset);
    var text = articleText(range).replace(/\s+/g, " ").trim();
    if (end <= start || !text) {
      return null;
    }
    return { start: start, end: end, text: text };
  }

  // Keep the text selection when the button is pressed (a mousedown would otherwise move focus).
  function keepSelection(button) {
    button.addEventListener("mousedown", function (event) {
      event.preventDefault();
    });
  }

  function watchSelection(source, onChange) {
    document.addEventListener("selectionchange", function () {
      onChange(selectedPassage(source));
    });
  }

  function caretAt(x, y) {
    if (document.caretRangeFromPoint) {
      var range = document.caretRangeFromPoint(x, y);
      return range && { node: range.startContainer, offset: range.startOffset };
    }
    var position = document.caretPositionFromPoint(x, y);
    return position && { node: position.offsetNode, offset: position.offset };
  }

  // Highlighted claims are links, and a drag that starts on a link drags the link instead of
  // selecting text. So a drag from a link selects by hand, from the caret under the pointer,
  // and the click that ends it does not open the claim; a plain click still does.
  function selectAcrossLinks(source) {
    var justSelected = false;
    source.addEventListener("mousedown", function (event) {
      justSelected = false;
      var anchor = event.button === 0 && event.target.closest("a") && caretAt(event.clientX, event.clientY);
      if (!anchor) {
        return;
      }
      event.preventDefault();
      var moved = false;
      function onMove(move) {
        var focus = caretAt(move.clientX, move.clientY);
        if (focus) {
          moved = true;
          window.getSelection().setBaseAndExtent(anchor.node, anchor.offset, focus.node, focus.offset);
        }
      }
      function onUp() {
        document.removeEventListener("mousemove", onMove);
        document.removeEventListener("mouseup", onUp);
        justSelected = moved;
      }
      document.addEventListener("mousemove", onMove);
      document.addEventListener("mouseup", onUp);
    });
    source.addEventListener("click", function (event) {
      if (justSelected) {
        event.preventDefault();
        justSelected = false;
      }
    });
  }

  function addClaimForm(form) {
    var source = document.getElementById(form.getAttribute("data-selection-source"));
    var controls = form.querySelector("[data-selection-controls]");
    var button = form.querySelector("[data-selection-add]");
    var preview = form.querySelector("[data-selection-preview]");
    var idleText = preview.textContent;
    if (!source) {
      return;
    }
    controls.hidden = false;
    keepSelection(button);
    var settling = null;
    watchSelection(source, function (passage) {
      button.disabled = passage === null;
      // The preview is a live region, and a drag changes the selection at every step: it is
      // written once the selection settles, so a screen reader reads the passage once, not each
      // step of the drag.
      window.clearTimeout(settling);
      settling = window.setTimeout(function () {
        preview.textContent = passage ? "“" + passage.text + "”" : idleText;
      }, SELECTION_SETTLES_MS);
    });
    selectAcrossLinks(source);
    button.addEventListener("click", function () {
      var passage = selectedPassage(source);
      if (passage === null) {
        return;
      }
      form.querySelector("[data-selection-start]").value = passage.start;
      form.querySelector("[data-selection-end]").value = passage.end;
      form.requestSubmit();
    });
  }

  // The split form is a Django formset: a new part copies the last row under the next index
  // and raises TOTAL_FORMS; an empty row is filled before a new one is made.
  function splitForm(form) {
    var source = document.getElementById(form.getAttribute("data-selection-source"));
    var button = form.querySelector("[data-split-add]");
    var parts = form.querySelector("[data-split-parts]");
    var total = form.querySelector("input[name$='-TOTAL_FORMS']");
    var added = form.querySelector("[data-split-added]");
    if (!source) {
      return;
    }
    button.hidden = false;
    keepSelection(button);
    watchSelection(source, function (passage) {
      button.disabled = passage === null;
    });

    // A refused split is shown again with each part's errors; a part filled from a new selection,
    // or made new, no longer has them.
    function clearErrors(row) {
      row.querySelectorAll("[data-split-part-errors]").forEach(function (errors) {
        errors.remove();
      });
      row.querySelectorAll("input").forEach(function (input) {
        input.removeAttribute("aria-invalid");
        input.removeAttribute("aria-describedby");
      });
    }

    function emptyPart() {
      var rows = parts.querySelectorAll("[data-split-part]");
      var row;
      for (var i = 0; i < rows.length; i++) {
        row = rows[i];
        // A part with a typed passage is taken, as one with offsets is.
        if (!row.querySelector("input[name$='-start']").value && !row.querySelector("input[name$='-passage']").value) {
          return row;
        }
      }
      var index = rows.length;
      row = rows[rows.length - 1].cloneNode(true);
      row.querySelectorAll("input").forEach(function (input) {
        input.name = input.name.replace(/-\d+-/, "-" + index + "-");
        input.id = input.name;
        input.value = "";
        input.placeholder = "";
      });
      row.querySelector("legend").textContent = fill(form.getAttribute("data-part-legend"), { number: index + 1 });
      parts.appendChild(row);
      total.value = index + 1;
      return row;
    }

    button.addEventListener("click", function () {
      var passage = selectedPassage(source);
      if (passage === null) {
        return;
      }
      var row = emptyPart();
      clearErrors(row);
      row.querySelector("input[name$='-start']").value = passage.start;
      row.querySelector("input[name$='-end']").value = passage.end;
      // The passage itself is the part's text unless the editor rewords it.
      row.querySelector("input[name$='-text']").placeholder = passage.text;
      var part = row.querySelector("legend").textContent;
      added.textContent = fill(form.getAttribute("data-part-added"), {
        part: part,
        text: passage.text,
        start: passage.start,
        end: passage.end,
      });
    });
  }

  document.addEventListener("DOMContentLoaded", function () {
    document.querySelectorAll("[data-selection-form]").forEach(addClaimForm);
    document.querySelectorAll("[data-split-form]").forEach(splitForm);
  });
})();

// Destructive one-click actions ask first: a submit button (or its form) with
// data-confirm="question" sends the form only if the user agrees. Listening for "submit"
// rather than "click" asks only once the browser's own checks (required fields) have passed.
(function () {
  "use strict";

  document.addEventListener("submit", function (event) {
    var button = event.submitter;
    var question = (button && button.getAttribute("data-confirm")) || event.target.getAttribute("data-confirm");
    if (question && !window.confirm(question)) {
      event.preventDefault();
    }
  });
})();

// A page reached by sending a form says how it went: a message at the top (or in the claim's row)
// or, for a refused form, errors beside its fields. A screen reader announces a live region when
// its content changes, not when a page loads with it, so none of this was read out. Focus goes
// there instead, first to what went wrong (a screen reader reads what takes focus). Registered
// before the script below, which focuses the text it fills back in, so that focus wins.
(function () {
  "use strict";

  document.addEventListener("DOMContentLoaded", function () {
    var outcome = document.querySelector(".form-errors, [aria-invalid='true']") || document.querySelector(".messages");
    if (!outcome) {
      return;
    }
    if (!outcome.matches("input, select, textarea")) {
      outcome.setAttribute("tabindex", "-1");
    }
    outcome.focus();
  });
})();

// A form sent after the session expired lands on the login page, and the server keeps nothing an
// unauthenticated request sent. So as a form is sent, what was typed into it is kept in this
// tab's sessionStorage. If the next page is one that says the form was not taken (the login page,
// the "form expired" page: they carry data-unsent-forms-kept), the copy is kept and filled back
// into the same form when the editor is on its page again, after logging in. Any other next page
// means the form went through, and the copy is dropped.
(function () {
  "use strict";

  var STORAGE_KEY = "factcheck:unsent-forms";
  // Never kept: the CSRF token and other hidden values, passwords, files, buttons.
  var UNKEPT_INPUT_TYPES = ["hidden", "password", "file", "submit", "button", "reset", "image"];

  function readDrafts() {
    try {
      return JSON.parse(window.sessionStorage.getItem(STORAGE_KEY)) || [];
    } catch (error) {
      return [];
    }
  }

  function writeDrafts(drafts) {
    try {
      if (drafts.length) {
        window.sessionStorage.setItem(STORAGE_KEY, JSON.stringify(drafts));
      } else {
        window.sessionStorage.removeItem(STORAGE_KEY);
      }
    } catch (error) {
      // Storage full or turned off: the form is sent as it always was, only without a copy.
    }
  }

  function isKeptField(field) {
    if (!field.name || field.disabled) {
      return false;
    }
    if (field.tagName === "TEXTAREA" || field.tagName === "SELECT") {
      return true;
    }
    return field.tagName === "INPUT" && UNKEPT_INPUT_TYPES.indexOf(field.type) === -1;
  }

  // Which form on the page this is: its action and the hidden values the page rendered it with
  // (the rating or member a row's form is for), read before any script changes them.
  function formIdentity(form) {
    var hidden = [];
    Array.prototype.forEach.call(form.elements, function (field) {
      if (field.type === "hidden" && field.name && field.name !== "csrfmiddlewaretoken") {
        hidden.push(field.name + "=" + field.value);
      }
    });
    var action = new URL(form.getAttribute("action") || "", window.location.href).pathname;
    return action + "?" + hidden.sort().join("&");
  }

  // [name, value] of every kept field as the user left it: text as typed, ticked boxes only.
  function typedValues(form) {
    var values = [];
    Array.prototype.forEach.call(form.elements, function (field) {
      if (!isKeptField(field)) {
        return;
      }
      if (field.type === "checkbox" || field.type === "radio") {
        if (field.checked) {
          values.push([field.name, field.value]);
        }
      } else if (field.type === "select-multiple") {
        Array.prototype.forEach.call(field.selectedOptions, function (option) {
          values.push([field.name, option.value]);
        });
      } else {
        values.push([field.name, field.value]);
      }
    });
    return values;
  }

  function hasValue(values, name, value) {
    return values.some(function (pair) {
      return pair[0] === name && pair[1] === value;
    });
  }

  // Fills `values` back into `form`; returns the text fields that got text back.
  function fillIn(form, values) {
    var remaining = values.slice();
    var filled = [];
    Array.prototype.forEach.call(form.elements, function (field) {
      if (!isKeptField(field)) {
        return;
      }
      if (field.type === "checkbox" || field.type === "radio") {
        field.checked = hasValue(values, field.name, field.value);
        return;
      }
      if (field.type === "select-multiple") {
        Array.prototype.forEach.call(field.options, function (option) {
          option.selected = hasValue(values, field.name, option.value);
        });
        return;
      }
      // Fields sharing a name (a formset's rows do not, but a page may) take their values in order.
      var index = remaining.findIndex(function (pair) {
        return pair[0] === field.name;
      });
      if (index === -1) {
        return;
      }
      var value = remaining.splice(index, 1)[0][1];
      // A choice the page no longer offers (a rating deleted meanwhile) is left as the page has it.
      var offered =
        field.tagName !== "SELECT" ||
        Array.prototype.some.call(field.options, function (option) {
          return option.value === value;
        });
      if (!offered) {
        return;
      }
      field.value = value;
      if (value && field.tagName !== "SELECT") {
        filled.push(field);
      }
    });
    return filled;
  }

  function showFilledIn(fields) {
    fields.forEach(function (field) {
      // The reject reason and the typed passage sit in closed <details> panels.
      for (var panel = field.closest("details"); panel; panel = panel.parentElement.closest("details")) {
        panel.open = true;
      }
    });
    if (fields.length) {
      fields[0].focus();
    }
  }

  document.addEventListener("DOMContentLoaded", function () {
    var page = window.location.pathname;
    var drafts = readDrafts();
    if (document.querySelector("[data-unsent-forms-kept]")) {
      writeDrafts(
        drafts.map(function (draft) {
          draft.kept = true;
          return draft;
        })
      );
      return;
    }

    var forms = Array.prototype.filter.call(document.forms, function (form) {
      return form.method === "post";
    });
    var identities = new Map();
    forms.forEach(function (form) {
      identities.set(form, formIdentity(form));
    });
    var filled = [];
    forms.forEach(function (form) {
      drafts.forEach(function (draft) {
        if (draft.kept && draft.page === page && draft.form === identities.get(form)) {
          filled = filled.concat(fillIn(form, draft.values));
        }
      });
    });
    showFilledIn(filled);
    // Drafts for this page are filled in or their form is gone; drafts sent from any page reached
    // this one, so their forms went through. Only kept drafts for other pages wait.
    writeDrafts(
      drafts.filter(function (draft) {
        return draft.kept && draft.page !== page;
      })
    );

    document.addEventListener("submit", function (event) {
      var form = event.target;
      if (event.defaultPrevented || !identities.has(form)) {
        return;
      }
      var values = typedValues(form);
      var others = readDrafts().filter(function (draft) {
        return draft.kept;
      });
      writeDrafts(values.length ? others.concat([{ page: page, form: identities.get(form), values: values }]) : others);
    });
  });
})();

// Long answers are written in forms marked data-keep-typed (the verdict, the editor's note), whose
// value is the note, in the reader's language, shown when what was typed is filled back in. The
// page can go away under them before they are sent: the claim page reloads itself when its
// references have been gathered, and its other buttons (Refresh references) load it again. So what
// is typed is copied, as it is typed, into this tab's sessionStorage and filled back in when the
// same page shows the same form again. The form's action and hidden values (the verdict revision)
// name the copy, so a copy made before the verdict changed is never filled into the newer form.
// Sending the form drops the copy; the script above keeps what is sent if it does not go through.
(function () {
  "use strict";

  var PREFIX = "factcheck:typed:";
  var KEPT_TAGS = ["TEXTAREA", "SELECT"];
  var KEPT_INPUT_TYPES = ["text", "search", "url", "email", "number", "date", "checkbox", "radio"];

  function isKept(field) {
    if (!field.name || field.disabled) {
      return false;
    }
    if (KEPT_TAGS.indexOf(field.tagName) !== -1) {
      return true;
    }
    return field.tagName === "INPUT" && KEPT_INPUT_TYPES.indexOf(field.type) !== -1;
  }

  function storageKey(form) {
    var hidden = [];
    Array.prototype.forEach.call(form.elements, function (field) {
      if (field.type === "hidden" && field.name && field.name !== "csrfmiddlewaretoken") {
        hidden.push(field.name + "=" + field.value);
      }
    });
    var action = new URL(form.getAttribute("action") || "", window.location.href).pathname;
    return PREFIX + window.location.pathname + "|" + action + "?" + hidden.sort().join("&");
  }

  // {name: [values]} of the kept fields: text as typed, ticked boxes only, the chosen option.
  function typed(form) {
    var values = {};
    Array.prototype.forEach.call(form.elements, function (field) {
      if (!isKept(field) || ((field.type === "checkbox" || field.type === "radio") && !field.checked)) {
        return;
      }
      (values[field.name] = values[field.name] || []).push(field.value);
    });
    return values;
  }

  function fillIn(form, values) {
    var used = {};
    Array.prototype.forEach.call(form.elements, function (field) {
      if (!isKept(field)) {
        return;
      }
      var kept = values[field.name] || [];
      if (field.type === "checkbox" || field.type === "radio") {
        field.checked = kept.indexOf(field.value) !== -1;
        return;
      }
      var index = used[field.name] || 0;
      used[field.name] = index + 1;
      var value = kept[index] === undefined ? "" : kept[index];
      // A choice the page no longer offers (a rating removed meanwhile) is left as the page has it.
      var offered =
        field.tagName !== "SELECT" ||
        Array.prototype.some.call(field.options, function (option) {
          return option.value === value;
        });
      if (offered) {
        field.value = value;
      }
    });
  }

  function read(key) {
    try {
      return JSON.parse(window.sessionStorage.getItem(key));
    } catch (error) {
      return null;
    }
  }

  function write(key, values) {
    try {
      window.sessionStorage.setItem(key, JSON.stringify(values));
    } catch (error) {
      // Storage full or turned off: the form works as before, only without the copy.
    }
  }

  function forget(key) {
    try {
      window.sessionStorage.removeItem(key);
    } catch (error) {
      // As above.
    }
  }

  function keepTyped(form) {
    var key = storageKey(form);
    var rendered = JSON.stringify(typed(form));
    var kept = read(key);
    if (kept && JSON.stringify(kept) !== rendered) {
      fillIn(form, kept);
      var note = document.createElement("p");
      note.className = "help typed-restored";
      note.setAttribute("role", "status");
      note.textContent = form.getAttribute("data-keep-typed");
      form.insertBefore(note, form.firstChild);
    }

    function remember() {
      var values = typed(form);
      if (JSON.stringify(values) === rendered) {
        forget(key);
      } else {
        write(key, values);
      }
    }

    form.addEventListener("input", remember);
    form.addEventListener("change", remember);
    form.addEventListener("submit", function () {
      forget(key);
    });
  }

  document.addEventListener("DOMContentLoaded", function () {
    document.querySelectorAll("form[data-keep-typed]").forEach(keepTyped);
  });
})();

// A webhook's delivery log refreshes itself while any delivery is pending or being sent: the
// page is fetched again and the table's rows are swapped in when they changed (each row names its
// state in data-live-log-row, so a row that did not change is not replaced and keeps focus). The
// wait grows from 2 to 30 seconds (a delivery waiting out a long Retry-After need not be asked
// about every 2 seconds), pauses while the tab is hidden, and stops after half an hour. Without
// JavaScript the "Refresh" link does the same by hand.
(function () {
  "use strict";
  var FIRST_WAIT_MS = 2000;
  var LONGEST_WAIT_MS = 30000;
  var GIVE_UP_AFTER_MS = 30 * 60 * 1000;

  function rowStates(rows) {
    return Array.prototype.map
      .call(rows.querySelectorAll("[data-live-log-row]"), function (row) {
        return row.getAttribute("data-live-log-row");
      })
      .join("|");
  }

  function follow(section) {
    var started = Date.now();
    var wait = FIRST_WAIT_MS;
    var timer = null;
    var busy = false;

    function schedule() {
      if (Date.now() - started > GIVE_UP_AFTER_MS) {
        return;
      }
      timer = window.setTimeout(refresh, wait);
      wait = Math.min(LONGEST_WAIT_MS, wait * 1.5);
    }

    function refresh() {
      timer = null;
      if (document.hidden) {
        return; // picked up again by visibilitychange
      }
      busy = true;
      fetch(window.location.pathname, { credentials: "same-origin", headers: { Accept: "text/html" } })
        .then(function (response) {
          if (!response.ok) {
            throw new Error("delivery log request failed: " + response.status);
          }
          return response.text();
        })
        .then(function (html) {
          busy = false;
          var fresh = new DOMParser().parseFromString(html, "text/html").getElementById(section.id);
          if (!fresh) {
            return;
          }
          var rows = section.querySelector("[data-live-log-rows]");
          var freshRows = fresh.querySelector("[data-live-log-rows]");
          if (rows && freshRows && rowStates(rows) !== rowStates(freshRows)) {
            var focused = document.activeElement && rows.contains(document.activeElement);
            if (!focused) {
              rows.replaceWith(document.importNode(freshRows, true));
            }
          }
          if (fresh.hasAttribute("data-live-log")) {
            schedule();
          } else {
            section.removeAttribute("data-live-log");
          }
        })
        .catch(function () {
          // The log still works without refreshing itself: the Refresh link reloads it.
          busy = false;
          schedule();
        });
    }

    document.addEventListener("visibilitychange", function () {
      if (!document.hidden && timer === null && !busy && section.hasAttribute("data-live-log")) {
        wait = FIRST_WAIT_MS;
        refresh();
      }
    });
    schedule();
  }

  document.addEventListener("DOMContentLoaded", function () {
    document.querySelectorAll("[data-live-log]").forEach(follow);
  });
})();
