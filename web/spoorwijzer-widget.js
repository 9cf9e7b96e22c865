/*
 * Spoorwijzer chat widget: a small dependency-free widget for Rasa's REST channel.
 *
 * Embed on any page with one tag (see README):
 *   <script src="https://uw-server/spoorwijzer-widget.js" data-server="https://uw-rasa-server" defer></script>
 * Options (data-attributes on the script tag):
 *   data-server  URL of the Rasa server (default: same host, port 5005)
 *   data-target  id of an element to render into (default: a floating chat button)
 *   data-retention-days  days without activity after which this browser forgets the conversation
 *                id (default 30; set it to the server's RETENTION_DAYS)
 *
 * Privacy: the browser keeps only the conversation id and when it was last used (localStorage),
 * never a message. See "state that survives a reload" below.
 *
 * Safety: every text from the user or the bot is put in the page as text nodes;
 * only **bold**, lists ("- " and "1. ") and https links are turned into elements.
 * Nothing is ever assigned to innerHTML.
 */
(function () {
  "use strict";

  var script = document.currentScript;
  var config = {
    server: (script && script.dataset.server) || location.protocol + "//" + location.hostname + ":5005",
    target: script && script.dataset.target,
    retentionDays: retentionDays(script && script.dataset.retentionDays),
  };
  var MAX_CHARS = 2000;
  var RETRY_AFTER_MS = 1500; // one automatic retry after a failed request
  var DAY_MS = 24 * 60 * 60 * 1000;
  var STORE_SENDER = "spoorwijzer.sender"; // {"id": UUID4, "lastUsed": ms since epoch}
  var LEGACY_LOG = "spoorwijzer.log"; // the whole transcript, kept by versions before 2026-12: removed on load
  // Short labels on the timeline for the main milestones (the list below has all of them).
  var SHORT_LABELS = {
    probleemanalyse: "PA", plan_van_aanpak: "PvA", melding_42e_week: "42e", eerstejaarsevaluatie_uiterlijk: "EJE",
    spoor_2_uiterlijk: "spoor 2", reintegratieverslag: "RIV", wia_aanvraag: "WIA", laatste_dag_wachttijd: "einde",
    einde_loondoorbetaling: "einde loon", ziekmelding_uit_dienst: "uit dienst",
  };

  // ---- state that survives a reload --------------------------------------------------
  // What this browser keeps, and why no more: the widget runs on an intranet page, often on a
  // shared or managed workstation, and localStorage and sessionStorage can be read by every script
  // on that origin and by anyone using the browser profile, for as long as they exist. The
  // conversation itself (dates, answers) is kept by the server, under its retention period and
  // erasure. So the browser keeps only the key to it: the conversation id, with the time it was
  // last used, so that it is forgotten after the same retention period as on the server
  // (data-retention-days = RETENTION_DAYS; an expired id is dropped on load). The transcript lives
  // in memory only and is gone on reload; it is not even put in sessionStorage, because a tab
  // can stay open for days and what people type may be medical. After a reload the widget says
  // that the conversation continues and offers the menu; it does not contact the server for that,
  // so merely opening an intranet page never extends the server's retention.
  //
  // A conversation id is a secret (the server accepts only a random UUID version 4): whoever
  // knows it can continue the conversation. Made from the browser's cryptographic random source.
  var UUID4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
  function newId() {
    if (crypto.randomUUID) return crypto.randomUUID();
    var b = crypto.getRandomValues(new Uint8Array(16));
    b[6] = (b[6] & 0x0f) | 0x40; // version 4
    b[8] = (b[8] & 0x3f) | 0x80; // RFC 4122 variant
    var h = Array.prototype.map.call(b, function (x) { return (x + 0x100).toString(16).slice(1); }).join("");
    return h.slice(0, 8) + "-" + h.slice(8, 12) + "-" + h.slice(12, 16) + "-" + h.slice(16, 20) + "-" + h.slice(20);
  }
  function retentionDays(attribute) {
    var days = Number(attribute);
    return attribute && isFinite(days) && days > 0 ? days : 30;
  }
  function load(key) {
    try { var v = localStorage.getItem(key); return v ? JSON.parse(v) : null; } catch (e) { return null; }
  }
  function save(key, value) {
    try { localStorage.setItem(key, JSON.stringify(value)); } catch (e) { /* private mode: keep in memory */ }
  }
  function remove(key) {
    try { localStorage.removeItem(key); } catch (e) { /* nothing stored */ }
  }
  // A stored id is reused only if it is a random UUID4 that was used within the retention period.
  // An id without a time (older versions) has an unknown age and is dropped as well.
  function usable(stored) {
    if (!stored || typeof stored !== "object" || !UUID4.test(stored.id || "")) return false;
    var age = Date.now() - stored.lastUsed;
    return typeof stored.lastUsed === "number" && age >= -DAY_MS && age <= config.retentionDays * DAY_MS;
  }
  var conversation = load(STORE_SENDER); // {id, lastUsed}
  var resumed = usable(conversation);
  if (!resumed) {
    conversation = { id: newId(), lastUsed: Date.now() };
    save(STORE_SENDER, conversation);
  }
  remove(LEGACY_LOG);
  // After every answer: the retention period counts from the last activity, as on the server.
  function touch() {
    conversation.lastUsed = Date.now();
    save(STORE_SENDER, conversation);
  }
  var log = []; // this page's transcript, in memory only: [{from: "user"|"bot", text?, buttons?, custom?}]

  // ---- small DOM helpers ------------------------------------------------------------------
  function el(tag, attrs, children) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (name) {
      if (name === "text") node.textContent = attrs[name];
      else if (name === "className") node.className = attrs[name];
      else if (name.slice(0, 2) === "on") node.addEventListener(name.slice(2), attrs[name]);
      else node.setAttribute(name, attrs[name]);
    });
    (children || []).forEach(function (child) { if (child) node.appendChild(child); });
    return node;
  }
  var SVG_NS = "http://www.w3.org/2000/svg";
  function svg(tag, attrs) {
    var node = document.createElementNS(SVG_NS, tag);
    Object.keys(attrs || {}).forEach(function (name) {
      if (name === "text") node.textContent = attrs[name];
      else node.setAttribute(name, attrs[name]);
    });
    return node;
  }

  // Inline formatting of one line: **bold** and https links; everything else is text.
  function inline(line) {
    var parts = [];
    var pattern = /\*\*([^*]+)\*\*|(https:\/\/[^\s)]+)/g;
    var last = 0, match;
    while ((match = pattern.exec(line)) !== null) {
      if (match.index > last) parts.push(document.createTextNode(line.slice(last, match.index)));
      if (match[1] !== undefined) parts.push(el("strong", { text: match[1] }));
      else {
        var url = match[2].replace(/[.,;]+$/, "");
        parts.push(el("a", { href: url, target: "_blank", rel: "noopener noreferrer", text: url }));
        if (url.length < match[2].length) parts.push(document.createTextNode(match[2].slice(url.length)));
      }
      last = pattern.lastIndex;
    }
    if (last < line.length) parts.push(document.createTextNode(line.slice(last)));
    return parts;
  }

  // Block formatting: paragraphs, "- " bullet lists and "1. " numbered lists.
  function formatted(text) {
    var box = el("div", { className: "sw-text" });
    var list = null, listType = null;
    text.split("\n").forEach(function (raw) {
      var line = raw.trimEnd();
      var bullet = /^\s*[-•]\s+(.*)$/.exec(line);
      var numbered = /^\s*\d+\.\s+(.*)$/.exec(line);
      var item = bullet || numbered;
      if (item) {
        var type = bullet ? "ul" : "ol";
        if (!list || listType !== type) { list = el(type); listType = type; box.appendChild(list); }
        list.appendChild(el("li", {}, inline(item[1])));
        return;
      }
      list = null;
      if (line.trim()) box.appendChild(el("p", {}, inline(line)));
    });
    return box;
  }

  // ---- the timeline picture --------------------------------------------------------------
  function timeline(payload) {
    // The length of the wachttijd (with any extension) comes from the rules, like every week number here.
    var total = payload.wachttijd_weken;
    var weeks = Math.max(total, payload.ziekteweek + 2);
    var width = 640, height = 130, left = 24, right = 24, axisY = 62;
    var x = function (week) { return left + (Math.min(week, weeks) / weeks) * (width - left - right); };
    var figure = el("figure", { className: "sw-timeline" });
    var title = "Tijdlijn van je verzuim: je zit in week " + payload.ziekteweek + " van " + total;
    var picture = svg("svg", { viewBox: "0 0 " + width + " " + height, role: "img", "aria-label": title, focusable: "false" });
    picture.appendChild(svg("title", { text: title }));
    picture.appendChild(svg("line", { x1: left, y1: axisY, x2: width - right, y2: axisY, class: "sw-axis" }));
    [0, 1, 2, 3, 4].map(function (quarter) { return Math.round(quarter * total / 4); }).forEach(function (week) {
      picture.appendChild(svg("line", { x1: x(week), y1: axisY - 4, x2: x(week), y2: axisY + 4, class: "sw-axis" }));
      picture.appendChild(svg("text", { x: x(week), y: axisY + 18, "text-anchor": "middle", class: "sw-tick", text: "wk " + week }));
    });
    var labelled = 0;
    payload.mijlpalen.forEach(function (m) {
      var cls = m.te_laat ? "sw-late" : m.status === "verstreken" ? "sw-past" : "sw-coming";
      if (SHORT_LABELS[m.key]) {
        var below = labelled++ % 2 === 1;  // alternate above and below the axis so labels do not overlap
        picture.appendChild(svg("text", {
          x: x(m.week), y: below ? axisY + 34 : axisY - 12, "text-anchor": "middle", class: "sw-label", "aria-hidden": "true",
          text: SHORT_LABELS[m.key],
        }));
      }
      var dot = svg("circle", { cx: x(m.week), cy: axisY, r: m.te_laat ? 6 : 5, class: "sw-dot " + cls });
      dot.appendChild(svg("title", { text: m.titel + ": " + m.datum_tekst + (m.te_laat ? " (termijn verstreken)" : "") }));
      picture.appendChild(dot);
    });
    var now = x(payload.ziekteweek);
    picture.appendChild(svg("line", { x1: now, y1: axisY - 30, x2: now, y2: axisY + 6, class: "sw-today" }));
    picture.appendChild(svg("text", { x: now, y: axisY - 34, "text-anchor": "middle", class: "sw-today-label", text: "vandaag" }));
    figure.appendChild(picture);
    figure.appendChild(el("p", { className: "sw-legend", "aria-hidden": "true" }, [
      el("span", { className: "sw-key sw-key-past", text: "● voorbij" }),
      el("span", { className: "sw-key sw-key-late", text: "● termijn verstreken" }),
      el("span", { className: "sw-key sw-key-coming", text: "● komt nog" }),
    ]));

    // The same milestones as text: for screen readers and for reading the exact dates.
    var list = el("ul", { className: "sw-milestones" });
    payload.mijlpalen.forEach(function (m) {
      var state = m.te_laat ? "termijn verstreken" : m.status === "verstreken" ? "voorbij" : m.status === "vandaag" ? "vandaag" : "komt nog";
      var parts = [
        el("span", { text: m.titel + ": " }), el("strong", { text: m.datum_tekst }), el("span", { text: " (week " + m.week + ", " + state + ")" }),
      ];
      // A date that a zwangerschaps- en bevallingsverlof moved says why (actions/tijdlijn_payload.py).
      if (m.toelichting) parts.push(el("span", { className: "sw-moved", text: " — " + m.toelichting }));
      list.appendChild(el("li", { className: m.te_laat ? "sw-late-text" : "" }, parts));
    });
    // Deadlines that a situation (contract ended, AOW-leeftijd) takes away: listed with the reason.
    (payload.vervallen || []).forEach(function (v) {
      list.appendChild(el("li", { className: "sw-lapsed-text" }, [
        el("span", { text: v.titel + ": " }), el("strong", { text: "vervalt" }), el("span", { text: " — " + v.reden }),
      ]));
    });
    if (payload.situatie && payload.situatie.code !== "standaard") {
      figure.appendChild(el("p", { className: "sw-situation", text: "Situatie: " + payload.situatie.naam }));
    }
    // The leave does not count toward the wachttijd: later dates move, and planned dates move with the
    // leave. Shown under the picture, not only in the list, because every date in the picture depends on it.
    if (payload.verlof && payload.verlof.uitleg && payload.verlof.uitleg.length) {
      var leave = el("div", { className: "sw-leave" });
      payload.verlof.uitleg.forEach(function (line) { leave.appendChild(el("p", { text: line })); });
      figure.appendChild(leave);
    }
    var details = el("details", {}, [el("summary", { text: "Alle data als lijst" }), list]);
    figure.appendChild(el("figcaption", {}, [details]));
    var files = el("div", { className: "sw-files" });
    if (payload.ics) {
      files.appendChild(el("button", {
        type: "button", className: "sw-ics", text: "Zet in je agenda (.ics)",
        onclick: function () { download(payload.ics, payload.ics_bestandsnaam || "spoorwijzer-termijnen.ics", "text/calendar;charset=utf-8"); },
      }));
    }
    // The PDF is made by the server when asked, from this conversation (actions/dossier.py).
    files.appendChild(el("button", {
      type: "button", className: "sw-pdf", text: "Download als PDF",
      onclick: function () { send("/download_pdf", "Download als PDF"); },
    }));
    figure.appendChild(files);
    return figure;
  }

  // ---- the dossier check ----------------------------------------------------------------
  // The checklist of actions/dossiercheck_text.py (custom payload "spoorwijzer_dossiercheck"): one list
  // item per document in the order of the schedule. The status is always written out ("Te laat (6
  // dagen)"); the icon (a different shape per status) and the colour only repeat it, so nothing depends
  // on colour or on seeing the icon. All text comes from the payload and is put in the page as text.
  var dossierCount = 0;
  function statusIcon(status) {
    var icon = svg("svg", { viewBox: "0 0 20 20", width: "20", height: "20", "aria-hidden": "true", focusable: "false",
      class: "sw-icon sw-icon-" + status });
    if (status === "op_tijd") {
      icon.appendChild(svg("circle", { cx: "10", cy: "10", r: "9" }));
      icon.appendChild(svg("path", { d: "M5.5 10.5l3 3 6-7", class: "sw-icon-mark" }));
    } else if (status === "te_laat") {
      icon.appendChild(svg("path", { d: "M10 1.5l9 16.5H1z" }));
      icon.appendChild(svg("path", { d: "M10 7v5.5M10 14.6v.4", class: "sw-icon-mark" }));
    } else if (status === "ontbreekt") {
      icon.appendChild(svg("rect", { x: "1", y: "1", width: "18", height: "18", rx: "3" }));
      icon.appendChild(svg("path", { d: "M6 6l8 8M14 6l-8 8", class: "sw-icon-mark" }));
    } else {
      icon.appendChild(svg("circle", { cx: "10", cy: "10", r: "8", class: "sw-icon-ring" }));
      icon.appendChild(svg("path", { d: "M10 5.5V10l3 2", class: "sw-icon-hand" }));
    }
    return icon;
  }

  function dossier(payload) {
    var id = "sw-dossier-" + (++dossierCount);
    var docs = payload.documenten || [];
    var section = el("section", { className: "sw-dossier", "aria-labelledby": id });
    section.appendChild(el("h3", { id: id, text: "Dossiercheck op " + payload.peildatum_tekst + " (week " + payload.ziekteweek + ")" }));
    section.appendChild(el("p", { className: "sw-verdict sw-verdict-" + payload.oordeel }, [
      el("strong", { text: "Oordeel: " + payload.oordeel_titel + ". " }), document.createTextNode(payload.oordeel_tekst || ""),
    ]));
    // How many per status, in words: the overview a screen reader hears before the list.
    var labels = { op_tijd: "op tijd", te_laat: "te laat", ontbreekt: "ontbreekt", nog_niet_nodig: "nog niet nodig" };
    var counts = Object.keys(labels).map(function (status) {
      var n = docs.filter(function (d) { return d.status === status; }).length;
      return n ? n + " " + labels[status] : null;
    }).filter(Boolean);
    section.appendChild(el("p", { className: "sw-dossier-summary", text: counts.join(" · ") }));
    var list = el("ul", { className: "sw-checklist" });
    docs.forEach(function (d) {
      var dates = [];
      if (d.datum_tekst) dates.push("gedaan op " + d.datum_tekst);
      if (d.uiterlijk_tekst) dates.push("uiterlijk " + d.uiterlijk_tekst);
      var body = el("div", { className: "sw-doc-body" }, [
        el("p", { className: "sw-doc-head" }, [
          el("strong", { className: "sw-doc-title", text: d.titel }),
          el("span", { className: "sw-status", text: d.status_tekst }),
        ]),
        dates.length ? el("p", { className: "sw-doc-dates", text: dates.join(" · ") }) : null,
        d.toelichting ? el("p", { className: "sw-doc-detail", text: d.toelichting }) : null,
        d.actie ? el("p", { className: "sw-doc-action" }, [el("strong", { text: "Wat nu: " }), document.createTextNode(d.actie)]) : null,
        el("p", { className: "sw-doc-source" }, [document.createTextNode("Bron: ")].concat(
          /^https:\/\//.test(d.bron_url || "")
            ? [el("a", { href: d.bron_url, target: "_blank", rel: "noopener noreferrer", text: d.bron })]
            : [document.createTextNode(d.bron)])),
      ]);
      list.appendChild(el("li", { className: "sw-doc sw-doc-" + d.status }, [statusIcon(d.status), body]));
    });
    section.appendChild(list);
    if (payload.wat_nu && payload.wat_nu.length) {
      section.appendChild(el("h4", { text: "Wat nu" }));
      var steps = el("ol", { className: "sw-dossier-steps" });
      payload.wat_nu.forEach(function (line) { steps.appendChild(el("li", { text: line })); });
      section.appendChild(steps);
    }
    if (payload.loonsanctie) {
      section.appendChild(el("h4", { text: "Risico op een loonsanctie" }));
      section.appendChild(el("p", { text: payload.loonsanctie }));
    }
    if (payload.niet_te_controleren && payload.niet_te_controleren.length) {
      var unchecked = el("ul", {});
      payload.niet_te_controleren.forEach(function (line) { unchecked.appendChild(el("li", { text: line })); });
      section.appendChild(el("details", {}, [el("summary", { text: "Wat deze check niet kan zien" }), unchecked]));
    }
    return section;
  }

  function pdfBytes(base64) {
    var raw = atob(base64), bytes = new Uint8Array(raw.length);
    for (var i = 0; i < raw.length; i++) bytes[i] = raw.charCodeAt(i);
    return bytes;
  }

  function download(content, filename, type) {
    var blob = new Blob([content], { type: type });
    var link = el("a", { href: URL.createObjectURL(blob), download: filename });
    document.body.appendChild(link);
    link.click();
    setTimeout(function () { URL.revokeObjectURL(link.href); link.remove(); }, 1000);
  }

  // ---- the widget ------------------------------------------------------------------------------
  var root, messages, form, input, sendButton, typing, errorBox, lastSent = null;

  function render(entry) {
    var bubble;
    if (entry.from === "user") {
      bubble = el("div", { className: "sw-msg sw-user" }, [el("span", { className: "sw-sr", text: "Jij: " }), el("p", { text: entry.text })]);
    } else if (entry.custom && entry.custom.type === "spoorwijzer_tijdlijn") {
      bubble = el("div", { className: "sw-msg sw-bot sw-wide" }, [timeline(entry.custom)]);
    } else if (entry.custom && entry.custom.type === "spoorwijzer_dossiercheck") {
      bubble = el("div", { className: "sw-msg sw-bot sw-wide" }, [dossier(entry.custom)]);
    } else if (entry.text) {
      bubble = el("div", { className: "sw-msg sw-bot" }, [el("span", { className: "sw-sr", text: "Spoorwijzer: " }), formatted(entry.text)]);
      if (entry.buttons && entry.buttons.length) {
        var row = el("div", { className: "sw-buttons", role: "group", "aria-label": "Kies een antwoord" });
        entry.buttons.forEach(function (b) {
          row.appendChild(el("button", { type: "button", text: b.title, onclick: function () { send(b.payload, b.title); } }));
        });
        bubble.appendChild(row);
      }
    }
    if (bubble) { messages.appendChild(bubble); messages.scrollTop = messages.scrollHeight; }
  }

  function add(entry) { log.push(entry); render(entry); }

  // Forget the conversation here: a new id, an empty transcript. Only after the server confirmed
  // that it erased the old one, or after the retention period (when the server deleted it too).
  // `next`: the conversation another tab already stored (then nothing is written, so tabs never
  // answer each other's change).
  function forget(next) {
    conversation = next || { id: newId(), lastUsed: Date.now() };
    if (!next) save(STORE_SENDER, conversation);
    log = [];
    while (messages.firstChild) messages.removeChild(messages.firstChild);
  }

  function setBusy(busy) {
    typing.hidden = !busy;
    sendButton.disabled = busy;
    root.setAttribute("aria-busy", busy ? "true" : "false");
    if (busy) messages.scrollTop = messages.scrollHeight;
  }

  function showError(show) {
    errorBox.hidden = !show;
  }

  function send(payload, shown) {
    if (!payload || !payload.trim()) return;
    payload = payload.slice(0, MAX_CHARS);
    if (!usable(conversation)) {
      // The page stayed open longer than the retention period: the server has deleted the
      // conversation by now, so this browser starts afresh as well.
      forget();
      add({ from: "bot", text: "Je vorige gesprek is langer dan " + config.retentionDays +
        " dagen niet gebruikt. Daarom beginnen we opnieuw." });
    }
    // One id per message: a retry with the same id never becomes a second turn
    // (the server answers with the stored replies; connectors/guarded_rest.py).
    lastSent = { payload: payload, shown: shown || payload, id: newId() };
    add({ from: "user", text: lastSent.shown });
    post(lastSent);
  }

  // One message to the REST channel; resolves with the replies, rejects on any failure.
  function deliver(payload, id) {
    return fetch(config.server.replace(/\/$/, "") + "/webhooks/rest/webhook", {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ sender: conversation.id, message: payload, message_id: id }),
    }).then(function (response) {
      // Too many messages in a minute: the server says so in its reply format (connectors/limits.py);
      // showing that beats "niet bereikbaar", and a retry would only count as one more message.
      if (response.status === 429) {
        return response.json().then(function (body) {
          return Array.isArray(body) ? body : [{ text: "Je stuurt veel berichten kort na elkaar. Wacht even en probeer het dan opnieuw." }];
        });
      }
      if (!response.ok) throw new Error("HTTP " + response.status);
      return response.json();
    });
  }

  function post(message, isRetry) {
    showError(false);
    setBusy(true);
    deliver(message.payload, message.id).then(function (replies) {
      setBusy(false);
      touch();
      // The typed request ("verwijder mijn gegevens", then "Ja, wis dit gesprek") ends here too.
      if (erasureOutcome(replies) === "gelukt") forget();
      replies.forEach(function (r) {
        if (r.custom && r.custom.type === "spoorwijzer_pdf") {
          // Saved as a file at once; the chat keeps a line about it, not the file itself.
          download(pdfBytes(r.custom.pdf_base64), r.custom.bestandsnaam, "application/pdf");
          add({ from: "bot", text: "PDF gedownload: " + r.custom.bestandsnaam });
          return;
        }
        add({ from: "bot", text: r.text, buttons: r.buttons, custom: r.custom });
      });
      input.focus();
    }).catch(function () {
      // A server that stopped mid-turn, or a network hiccup: try once more by itself.
      if (!isRetry) { setTimeout(function () { post(message, true); }, RETRY_AFTER_MS); return; }
      setBusy(false);
      showError(true);
    });
  }

  // ---- erasing: "Gesprek wissen" and "Nieuw gesprek" ------------------------------------------
  // Both first ask for a confirmation in the chat itself, then have the server delete the stored
  // conversation, and forget it here only when the server says it is erased: its REST reply then
  // has a message with custom {"gesprek_wissen": "gelukt"} (privacy/erasure.py, passed on by the store). On
  // "mislukt", an answer without that outcome, or no answer at all, the id and the transcript stay,
  // so the person can try again: forgetting the id would leave the stored conversation on the
  // server with nobody able to ask for its erasure.
  var ERASE_FAILED = "Het wissen is niet gelukt: de assistent is nu niet bereikbaar, of kon het niet bevestigen. " +
    "Je gesprek staat daarom misschien nog bij ons. Probeer het over een paar minuten opnieuw met \u201cGesprek wissen\u201d.";
  var confirmBox, confirmText, startAfterErase = false, returnFocus = null;

  function erasureOutcome(replies) {
    var outcome = null;
    replies.forEach(function (r) {
      var said = r && r.custom && r.custom.gesprek_wissen;
      if (said === "gelukt" || said === "mislukt") outcome = outcome === "mislukt" ? outcome : said;
    });
    return outcome;
  }

  function askErase(thenStartNew, opener) {
    startAfterErase = thenStartNew;
    returnFocus = opener;
    confirmText.textContent = (thenStartNew ? "Een nieuw gesprek beginnen? " : "") +
      "Dan wis ik dit gesprek, ook bij ons op de server. Dat kan niet ongedaan worden gemaakt.";
    confirmBox.hidden = false;
    confirmBox.querySelector("button").focus();
  }

  function cancelErase() {
    confirmBox.hidden = true;
    if (returnFocus) returnFocus.focus();
  }

  function erase() {
    confirmBox.hidden = true;
    showError(false);
    setBusy(true);
    deliver("/confirm_erase", newId()).then(function (replies) {
      setBusy(false);
      var said = replies.filter(function (r) { return r.text; }).map(function (r) { return r.text; }).join("\n");
      var outcome = erasureOutcome(replies);
      if (outcome === "gelukt") {
        forget();
        add({ from: "bot", text: said || "Dit gesprek is gewist." });
        if (startAfterErase) send("/greet", "Hallo");
      } else {
        touch(); // the conversation stays, and the server saw activity on it
        if (said) add({ from: "bot", text: said });
        if (outcome !== "mislukt" || !said) add({ from: "bot", text: ERASE_FAILED });
      }
      input.focus();
    }).catch(function () {
      setBusy(false);
      add({ from: "bot", text: ERASE_FAILED });
      input.focus();
    });
  }

  function build(container) {
    root = el("section", { className: "sw-root", "aria-label": "Chat met Spoorwijzer" });
    var header = el("header", { className: "sw-header" }, [
      el("h2", { text: "Spoorwijzer" }),
      el("div", { className: "sw-actions" }, [
        el("button", { type: "button", className: "sw-new", text: "Gesprek wissen", onclick: function (e) { askErase(false, e.currentTarget); } }),
        el("button", { type: "button", className: "sw-new", text: "Nieuw gesprek", onclick: function (e) { askErase(true, e.currentTarget); } }),
      ]),
    ]);
    confirmText = el("p", { id: "sw-confirm-text" });
    confirmBox = el("div", { className: "sw-confirm", role: "alertdialog", "aria-modal": "false", "aria-labelledby": "sw-confirm-text",
      onkeydown: function (event) { if (event.key === "Escape") cancelErase(); } }, [
      confirmText,
      el("div", { className: "sw-buttons" }, [
        el("button", { type: "button", text: "Ja, wis het gesprek", onclick: erase }),
        el("button", { type: "button", text: "Annuleren", onclick: cancelErase }),
      ]),
    ]);
    confirmBox.hidden = true;
    messages = el("div", { className: "sw-messages", role: "log", "aria-live": "polite", "aria-relevant": "additions", tabindex: "0", "aria-label": "Gesprek" });
    typing = el("div", { className: "sw-typing", role: "status", "aria-live": "polite", text: "Spoorwijzer typt…" });
    typing.hidden = true;
    errorBox = el("div", { className: "sw-error", role: "alert" }, [
      el("span", { text: "De assistent is nu niet bereikbaar. " }),
      el("button", { type: "button", text: "Opnieuw proberen", onclick: function () { if (lastSent) post(lastSent); } }),
    ]);
    errorBox.hidden = true;
    var label = el("label", { for: "sw-input", className: "sw-sr", text: "Je bericht" });
    input = el("input", { id: "sw-input", type: "text", maxlength: String(MAX_CHARS), autocomplete: "off", placeholder: "Typ je vraag…" });
    sendButton = el("button", { type: "submit", text: "Verstuur" });
    form = el("form", { className: "sw-form", onsubmit: function (event) {
      event.preventDefault();
      var text = input.value;
      input.value = "";
      send(text);
    } }, [label, input, sendButton]);
    root.appendChild(header);
    root.appendChild(confirmBox);
    root.appendChild(messages);
    root.appendChild(typing);
    root.appendChild(errorBox);
    root.appendChild(form);
    container.appendChild(root);
    if (resumed) {
      // A conversation from earlier (within the retention period): its messages are not kept here.
      add({ from: "bot", text: "Welkom terug. Je gesprek van eerder loopt nog: ik weet nog wat je me hebt verteld. " +
        "De berichten zelf bewaart deze browser niet, voor je privacy. Stel je vraag, of kies \u201cMenu tonen\u201d.",
        buttons: [{ title: "Menu tonen", payload: "/greet" }] });
    } else {
      send("/greet", "Hallo");
    }
  }

  function styles() {
    var css = [
      ".sw-root{font:16px/1.45 system-ui,-apple-system,'Segoe UI',Roboto,sans-serif;color:#1b1b1b;background:#fff;border:1px solid #8a8a8a;border-radius:10px;display:flex;flex-direction:column;max-width:720px;height:min(640px,85vh);box-sizing:border-box}",
      ".sw-root *{box-sizing:border-box}",
      ".sw-header{display:flex;justify-content:space-between;align-items:center;padding:8px 12px;background:#01689b;color:#fff;border-radius:9px 9px 0 0}",
      ".sw-header h2{margin:0;font-size:1.1rem}",
      ".sw-messages{flex:1;overflow-y:auto;padding:12px;display:flex;flex-direction:column;gap:8px}",
      ".sw-msg{max-width:85%;padding:8px 12px;border-radius:10px;overflow-wrap:anywhere}",
      ".sw-msg p{margin:0 0 6px}.sw-msg p:last-child{margin-bottom:0}.sw-msg ul,.sw-msg ol{margin:4px 0 6px;padding-left:20px}",
      ".sw-user{align-self:flex-end;background:#01689b;color:#fff}",
      ".sw-bot{align-self:flex-start;background:#eef3f7}",
      ".sw-wide{max-width:100%;width:100%;background:#fff;border:1px solid #c9d3db}",
      ".sw-bot a{color:#014f75}",
      ".sw-buttons{display:flex;flex-wrap:wrap;gap:6px;margin-top:8px}",
      ".sw-root button{font:inherit;cursor:pointer;border-radius:6px;border:1px solid #01689b;background:#fff;color:#014f75;padding:6px 10px;min-height:40px}",
      ".sw-header .sw-new{background:#fff;color:#014f75;border-color:#fff}",
      ".sw-actions{display:flex;gap:6px}",
      ".sw-confirm{margin:8px 12px 0;padding:8px 12px;border:2px solid #01689b;border-radius:6px;background:#fff}",
      ".sw-confirm p{margin:0}",
      ".sw-files{display:flex;flex-wrap:wrap;gap:6px;margin-top:6px}",
      ".sw-root button:focus-visible,.sw-root input:focus-visible,.sw-messages:focus-visible,.sw-root a:focus-visible,.sw-root summary:focus-visible{outline:3px solid #ffb612;outline-offset:2px}",
      ".sw-root button:disabled{opacity:.6;cursor:default}",
      ".sw-typing{padding:4px 12px;color:#4a4a4a;font-style:italic}",
      ".sw-error{margin:0 12px 8px;padding:8px;border:1px solid #a4000f;background:#fde8ea;color:#6b0009;border-radius:6px}",
      ".sw-form{display:flex;gap:6px;padding:8px;border-top:1px solid #c9d3db}",
      ".sw-form input{flex:1;min-width:0;font:inherit;padding:8px;border:1px solid #6b6b6b;border-radius:6px}",
      ".sw-form button[type=submit]{background:#01689b;color:#fff}",
      ".sw-sr{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}",
      ".sw-timeline{margin:0}.sw-timeline svg{width:100%;height:auto;display:block}",
      ".sw-situation{margin:.25rem 0;font-weight:600}.sw-lapsed-text{color:#4a4a4a}.sw-axis{stroke:#4a4a4a;stroke-width:2}.sw-tick{font-size:11px;fill:#4a4a4a}",
      ".sw-dot.sw-past{fill:#8a8a8a}.sw-dot.sw-coming{fill:#01689b}.sw-dot.sw-late{fill:#a4000f;stroke:#fff;stroke-width:2}",
      ".sw-today{stroke:#e17000;stroke-width:3}.sw-today-label{font-size:12px;font-weight:bold;fill:#8f4700}",
      ".sw-milestones{padding-left:18px;margin:6px 0}.sw-late-text{color:#a4000f}",
      ".sw-ics{margin-top:6px}",
      ".sw-label{font-size:11px;fill:#1b1b1b}",
      ".sw-legend{display:flex;flex-wrap:wrap;gap:12px;margin:4px 0;font-size:.85rem}",
      ".sw-key-past{color:#5f5f5f}.sw-key-late{color:#a4000f}.sw-key-coming{color:#01689b}",
      // The dossier check: the status colour only repeats the written status and the icon's shape.
      ".sw-dossier h3{margin:0 0 6px;font-size:1.05rem}.sw-dossier h4{margin:10px 0 4px;font-size:1rem}",
      ".sw-verdict{margin:0 0 6px;padding:6px 8px;border-left:4px solid #4a4a4a;background:#f4f6f8}",
      ".sw-verdict-op_orde{border-left-color:#1e6b1e}.sw-verdict-aandacht_nodig{border-left-color:#8a4b00}.sw-verdict-risico_loonsanctie{border-left-color:#a4000f}",
      ".sw-dossier-summary{margin:0 0 6px;font-weight:600}",
      ".sw-dossier .sw-checklist{list-style:none;margin:0;padding:0;display:flex;flex-direction:column;gap:6px}",
      ".sw-doc{display:grid;grid-template-columns:24px 1fr;gap:8px;align-items:start;padding:6px 8px;border:1px solid #c9d3db;border-left-width:4px;border-radius:6px}",
      ".sw-doc p{margin:0 0 2px}.sw-doc-head{display:flex;flex-wrap:wrap;gap:4px 10px;align-items:baseline}",
      ".sw-status{font-weight:600}.sw-doc-dates,.sw-doc-source{font-size:.9rem;color:#4a4a4a}",
      ".sw-icon{margin-top:2px}.sw-icon-mark{fill:none;stroke:#fff;stroke-width:2.4;stroke-linecap:round;stroke-linejoin:round}",
      ".sw-icon-ring{fill:#fff;stroke:#4a4a4a;stroke-width:2}.sw-icon-hand{fill:none;stroke:#4a4a4a;stroke-width:2;stroke-linecap:round}",
      ".sw-doc-op_tijd{border-left-color:#1e6b1e}.sw-doc-op_tijd .sw-status{color:#1e6b1e}.sw-icon-op_tijd{fill:#1e6b1e}",
      ".sw-doc-te_laat{border-left-color:#8a4b00}.sw-doc-te_laat .sw-status{color:#8a4b00}.sw-icon-te_laat{fill:#8a4b00}",
      ".sw-doc-ontbreekt{border-left-color:#a4000f}.sw-doc-ontbreekt .sw-status{color:#a4000f}.sw-icon-ontbreekt{fill:#a4000f}",
      ".sw-doc-nog_niet_nodig .sw-status{color:#4a4a4a}",
      ".sw-dossier-steps{margin:0;padding-left:20px}",
      ".sw-floating{position:fixed;right:16px;bottom:16px;width:min(420px,calc(100vw - 32px));z-index:2147483000}",
    ].join("\n");
    document.head.appendChild(el("style", { text: css }));
  }

  // Another tab of this site erased the conversation or started a new one: this tab follows, so
  // it neither shows an erased conversation nor writes to it again under the old id.
  function followOtherTabs(event) {
    if (event.key !== STORE_SENDER || !messages) return;
    var stored = load(STORE_SENDER);
    if (!usable(stored)) return;
    if (stored.id === conversation.id) { conversation = stored; return; } // used there: same retention clock
    forget(stored);
    add({ from: "bot", text: "Dit gesprek is in een ander venster gewist of opnieuw begonnen. Stel gerust een nieuwe vraag." });
  }

  function start() {
    window.addEventListener("storage", followOtherTabs);
    styles();
    var container = config.target && document.getElementById(config.target);
    if (!container) {
      container = el("div", { className: "sw-floating" });
      document.body.appendChild(container);
    }
    build(container);
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
