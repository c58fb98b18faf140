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
  function addAnswerButtons(container, datas) {
    if (!commandBox) { return; }
    datas.forEach(function (data) {
      var m = /^approve:(\d+)$/.exec(data);
      if (m) { container.appendChild(answerButton(m[1])); }
    });
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
    event.spans.forEach(function (span) {
      if (span[1]) {
        var s = document.createElement("strong");
        s.textContent = span[0];
        li.appendChild(s);
      } else {
        li.appendChild(document.createTextNode(span[0]));
      }
    });
    if (event.buttons.length) {
      var row = document.createElement("div");
      row.className = "buttons";
      var datas = [];
      event.buttons.forEach(function (r) {
        r.forEach(function (b) { row.appendChild(buttonForm(b[0], b[1])); datas.push(b[1]); });
      });
      addAnswerButtons(row, datas);
      li.appendChild(row);
    }
    if (event.answerable) { li.appendChild(newAnswerBox(event.id)); }
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

  list.querySelectorAll("form.press").forEach(function (f) {
    var data = f.querySelector("input[name=button]").value;
    f.addEventListener("submit", function (e) {
      e.preventDefault();
      post({ button: data }).then(outcome, function () { failed(notSent); });
    });
  });
  list.querySelectorAll("form.reply-box").forEach(answerBox);
  list.querySelectorAll(".buttons").forEach(function (row) {
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
})();
