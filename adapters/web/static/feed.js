// A chat feed: new messages arrive over server-sent events; sending and
// pressing buttons post in the background. Without this script every form
// still works by reloading the page. On the resident's page what they wrote
// comes back over the same events (the server keeps it), an open
// consultation has an answer box, and a send that fails says so.
(function () {
  "use strict";
  var form = document.querySelector("form[data-events]");
  var list = document.getElementById("messages");
  if (!form || !list || !window.EventSource || !window.fetch) { return; }
  var csrf = form.querySelector("input[name=csrf]").value;
  var sendUrl = form.getAttribute("action");
  var lastId = parseInt(list.getAttribute("data-last-id") || "0", 10);
  var errorLine = document.getElementById("send-error");
  var awaiting = document.getElementById("awaiting");
  var notSent = form.getAttribute("data-not-sent") || "";
  var echoed = form.id === "ask";  // the server keeps and sends back what the resident wrote
  var maxText = (form.querySelector("textarea[name=text]") || {}).maxLength || 0;
  // An answer box holds at most a consultation answer (data-answer-max), not a question.
  var maxAnswer = parseInt(form.getAttribute("data-answer-max") || "", 10) || maxText;

  // What went wrong with a send, on the page (a live region), or nothing.
  function failed(message) {
    if (!errorLine) { return; }
    errorLine.textContent = message || "";
    errorLine.hidden = !message;
  }

  // The server's refusal ({"error": ...}) or, when it gave none, "not sent".
  function outcome(response) {
    if (response.ok) { failed(""); return true; }
    return response.json().then(function (body) {
      failed(body && body.error ? body.error : notSent);
      return false;
    }, function () { failed(notSent); return false; });
  }

  function post(fields) {
    fields.nonce = Math.random().toString(36).slice(2) + Date.now().toString(36);
    return fetch(sendUrl, {
      method: "POST",
      credentials: "same-origin",
      headers: { "Content-Type": "application/json", "Accept": "application/json", "X-CSRF-Token": csrf },
      body: JSON.stringify(fields)
    });
  }

  function buttonForm(label, data) {
    var f = document.createElement("form");
    f.className = "press";
    var b = document.createElement("button");
    b.type = "submit";
    b.className = "secondary";
    b.textContent = label;
    f.appendChild(b);
    f.addEventListener("submit", function (e) {
      e.preventDefault();
      b.disabled = true;
      post({ button: data }).then(outcome, function () { failed(notSent); })
        .finally(function () { b.disabled = false; });
    });
    return f;
  }

  // In the console, a card can be answered from its own button: it fills the
  // command box with "answer N " (the chat apps' "reply to the card").
  var commandBox = form.id === "command" ? form.querySelector("textarea[name=text]") : null;
  function answerButton(ref) {
    var b = document.createElement("button");
    b.type = "button";
    b.className = "secondary";
    b.textContent = "Answer #" + ref;
    b.addEventListener("click", function () {
      commandBox.value = "answer " + ref + " ";
      commandBox.focus();
    });
    return b;
  }
  // One per card: any of its own buttons names the question.
  function addAnswerButtons(container, datas) {
    if (!commandBox) { return; }
    for (var i = 0; i < datas.length; i++) {
      var m = /^(?:approve|reject|later|seen):(\d+)$/.exec(datas[i]);
      if (m) { container.appendChild(answerButton(m[1])); return; }
    }
  }

  // A row of buttons ([[label, data], ...] rows), or null when there are none.
  function buttonsRow(buttons) {
    if (!buttons.length) { return null; }
    var row = document.createElement("div");
    row.className = "buttons";
    var datas = [];
    buttons.forEach(function (r) {
      r.forEach(function (b) { row.appendChild(buttonForm(b[0], b[1])); datas.push(b[1]); });
    });
    if (!datas.length) { return null; }
    addAnswerButtons(row, datas);
    return row;
  }

  // The console's cards (issue 15): URGENT ones go to the list above all
  // others and are announced (the alert region, the title, a sound only if
  // the officer turned it on); each card shows where its question stands.
  var urgentSection = document.getElementById("urgent-section");
  var urgentList = document.getElementById("urgent");
  var alertLine = document.getElementById("urgent-alert");
  var words = urgentSection ? JSON.parse(urgentSection.getAttribute("data-words") || "{}") : {};
  var baseTitle = urgentSection ? urgentSection.getAttribute("data-base-title") || document.title : "";
  var soundBox = document.getElementById("urgent-sound-box");
  var soundOn = document.getElementById("urgent-sound");
  var audio = null;
  if (soundBox && soundOn) {
    soundBox.hidden = false;  // only with this script: the sound is played by it
    soundOn.checked = false;  // off by default, every time the page is opened
    soundOn.addEventListener("change", function () {
      if (soundOn.checked && !audio && window.AudioContext) { audio = new window.AudioContext(); }
    });
  }
  function beep() {
    if (!soundOn || !soundOn.checked || !audio) { return; }
    var tone = audio.createOscillator();
    var gain = audio.createGain();
    tone.frequency.value = 880;
    gain.gain.value = 0.2;
    tone.connect(gain);
    gain.connect(audio.destination);
    tone.start();
    tone.stop(audio.currentTime + 0.4);
  }
  function updateTitle() {
    if (!urgentList) { return; }
    var waiting = {};
    urgentList.querySelectorAll("li.awaiting").forEach(function (li) {
      waiting[li.getAttribute("data-question")] = true;
    });
    var count = Object.keys(waiting).length;
    document.title = (count ? (words.title || "").replace("{count}", String(count)) : "") + baseTitle;
  }
  function stateText(card) {
    var text = words["state_" + card.state] || card.state;
    if (card.seen_by) { text += " · " + (words.seen || "").replace("{officer}", card.seen_by); }
    else if (card.awaiting_seen) { text += " · " + (words.not_seen || ""); }
    if (card.answer_waits) { text += " · " + (words.answer_waits || ""); }
    return text;
  }
  function markCard(li, card) {
    li.setAttribute("data-question", String(card.question));
    li.setAttribute("data-state", card.state);
    li.classList.add("card");
    li.classList.toggle("urgent", !!card.urgent);
    li.classList.toggle("awaiting", !!card.awaiting_seen);
    var line = li.querySelector(".card-state");
    if (!line) {
      line = document.createElement("p");
      line.className = "card-state";
      var label = document.createElement("strong");
      label.textContent = words.status || "";
      var span = document.createElement("span");
      span.className = "state-text";
      line.appendChild(label);
      line.appendChild(document.createTextNode(" "));
      line.appendChild(span);
      var after = li.querySelector(".buttons, form.reply-box");
      li.insertBefore(line, after);
    }
    line.querySelector(".state-text").textContent = stateText(card);
  }
  // A message's words, in a span of their own (a card's heading changes with its state).
  function textOf(spans) {
    var text = document.createElement("span");
    text.className = "msg-text";
    spans.forEach(function (span) {
      if (span[1]) {
        var s = document.createElement("strong");
        s.textContent = span[0];
        text.appendChild(s);
      } else {
        text.appendChild(document.createTextNode(span[0]));
      }
    });
    return text;
  }
  // A card's question changed: its heading, its state line, and only the buttons that still apply.
  function changed(event) {
    if (!event.card) { return; }
    var li = document.querySelector('li[data-id="' + String(event.id) + '"]');
    if (!li) { return; }
    var oldText = li.querySelector(".msg-text");
    if (oldText && event.spans) { li.replaceChild(textOf(event.spans), oldText); }
    markCard(li, event.card);
    var old = li.querySelector(".buttons");
    var row = buttonsRow(event.buttons);
    if (old && row) { li.replaceChild(row, old); }
    else if (old) { li.removeChild(old); }
    else if (row) { li.appendChild(row); }
    updateTitle();
  }

  // An answer box under a consultation: the text goes as a reply to it.
  function answerBox(form) {
    var box = form.querySelector("textarea[name=text]");
    var id = form.querySelector("input[name=reply_to]").value;
    form.addEventListener("submit", function (e) {
      e.preventDefault();
      var text = box.value.trim();
      if (!text) { box.focus(); return; }
      post({ text: text, reply_to: id }).then(outcome).then(function (ok) {
        if (ok) { box.value = ""; }
      }, function () { failed(notSent); });
    });
  }
  function newAnswerBox(id) {
    var f = document.createElement("form");
    f.className = "reply-box";
    var hidden = document.createElement("input");
    hidden.type = "hidden";
    hidden.name = "reply_to";
    hidden.value = String(id);
    var label = document.createElement("label");
    label.htmlFor = "answer-" + id;
    label.textContent = "Your answer";
    var box = document.createElement("textarea");
    box.id = "answer-" + id;
    box.name = "text";
    box.required = true;
    if (maxAnswer > 0) { box.maxLength = maxAnswer; }
    var b = document.createElement("button");
    b.type = "submit";
    b.textContent = "Send answer";
    f.appendChild(hidden);
    f.appendChild(label);
    f.appendChild(box);
    f.appendChild(b);
    answerBox(f);
    return f;
  }

  function show(event) {
    if (event.id <= lastId) { return; }
    lastId = event.id;
    if (event.mine) { mine(event.spans.map(function (s) { return s[0]; }).join("")); return; }
    if (awaiting) { awaiting.hidden = true; }
    var li = document.createElement("li");
    li.setAttribute("data-id", String(event.id));
    li.appendChild(textOf(event.spans));
    var row = buttonsRow(event.buttons);
    if (row) { li.appendChild(row); }
    if (event.answerable) { li.appendChild(newAnswerBox(event.id)); }
    if (event.card) { markCard(li, event.card); }
    if (event.card && event.card.urgent && urgentList) {
      var label = document.createElement("strong");
      label.className = "urgent-label";
      label.textContent = words.urgent || "URGENT";
      li.insertBefore(document.createTextNode(" "), li.firstChild);
      li.insertBefore(label, li.firstChild);
      urgentList.insertBefore(li, urgentList.firstChild);  // newest first, above all others
      urgentSection.hidden = false;
      if (alertLine) {
        alertLine.textContent = (words.alert || "").replace("{ref}", String(event.card.question));
      }
      beep();
      updateTitle();
      return;
    }
    list.appendChild(li);
  }

  function mine(text) {
    var li = document.createElement("li");
    li.className = "mine";
    var who = document.createElement("span");
    who.className = "visually-hidden";
    who.textContent = "You wrote: ";
    li.appendChild(who);
    li.appendChild(document.createTextNode(text));
    list.appendChild(li);
  }

  document.querySelectorAll("#messages form.press, #urgent form.press").forEach(function (f) {
    var data = f.querySelector("input[name=button]").value;
    f.addEventListener("submit", function (e) {
      e.preventDefault();
      post({ button: data }).then(outcome, function () { failed(notSent); });
    });
  });
  list.querySelectorAll("form.reply-box").forEach(answerBox);
  document.querySelectorAll("#messages .buttons, #urgent .buttons").forEach(function (row) {
    var datas = [];
    row.querySelectorAll("input[name=button]").forEach(function (i) { datas.push(i.value); });
    addAnswerButtons(row, datas);
  });

  document.querySelectorAll("form.quick").forEach(function (f) {
    var text = f.querySelector("input[name=text]").value;
    f.addEventListener("submit", function (e) {
      e.preventDefault();
      post({ text: text });
    });
  });

  form.addEventListener("submit", function (e) {
    e.preventDefault();
    var box = form.querySelector("textarea[name=text], input[name=text]");
    var text = box.value.trim();
    if (!text) { box.focus(); return; }
    var fields = { text: text };
    var forum = form.querySelector("[name=forum]");
    if (forum) { fields.forum = forum.value; }
    // Which button sent it: "Ask the police team" asks a question on purpose.
    var by = e.submitter || form.querySelector("button[type=submit]");
    if (by && by.name) { fields[by.name] = by.value; }
    var buttons = form.querySelectorAll("button[type=submit]");
    buttons.forEach(function (b) { b.disabled = true; });
    post(fields).then(outcome).then(function (ok) {
      if (ok) {
        if (!echoed) { mine(text); }  // the resident's page hears it back from the server
        box.value = "";
      }
    }, function () { failed(notSent); }).finally(function () {
      buttons.forEach(function (b) { b.disabled = false; });
      box.focus();
    });
  });

  var source = new EventSource(form.getAttribute("data-events") + "?after=" + lastId);
  source.addEventListener("message", function (e) { show(JSON.parse(e.data)); });
  source.addEventListener("state", function (e) { changed(JSON.parse(e.data)); });
})();
