// The writing desk's script: checks the form while the practitioner types, numbers the
// text's lines, adds pictures at the cursor and follows a publish. Every page works without
// it for reading and saving.
"use strict";

const token = document.querySelector('meta[name="desk-token"]').content;
const WAIT_MS = 150; // after the last keystroke

function listInto(list, found) {
  list.replaceChildren();
  for (const item of found) {
    const li = document.createElement("li");
    li.className = `problem problem-${item.level}`;
    li.textContent = (item.line ? `Line ${item.line}: ` : "") + item.words;
    list.append(li);
  }
  list.hidden = found.length === 0;
}

function setupChecking(form) {
  const body = form.querySelector("#field-body");
  const gutter = form.querySelector("[data-gutter]");
  const status = document.getElementById("check-status");
  let timer = null;
  let sent = 0;
  let marked = new Map();

  function numberLines() {
    if (!body || !gutter) return;
    const count = body.value.split("\n").length;
    while (gutter.children.length < count) gutter.append(document.createElement("li"));
    while (gutter.children.length > count) gutter.lastChild.remove();
    Array.from(gutter.children).forEach((li, i) => {
      li.textContent = String(i + 1);
      const words = marked.get(i + 1);
      li.classList.toggle("marked", Boolean(words));
      li.title = words || "";
    });
    gutter.scrollTop = body.scrollTop;
  }

  function show(result) {
    for (const field of form.querySelectorAll("[data-field]")) {
      const name = field.dataset.field;
      const found = result.fields[name] || [];
      const list = field.querySelector("ul.problems");
      if (list) listInto(list, found);
      field.classList.toggle("has-problems", found.length > 0);
    }
    listInto(document.getElementById("problems-body"), result.body);
    listInto(document.getElementById("problems-general"), result.general);
    const starts = form.querySelector("[data-new-conditions]");
    if (starts) {
      starts.replaceChildren();
      for (const name of result.new_conditions) {
        const li = document.createElement("li");
        const a = document.createElement("a");
        a.href = "/new/condition?name=" + encodeURIComponent(name);
        a.textContent = `Start a new condition named “${name}”`;
        li.append(a);
        starts.append(li);
      }
    }
    marked = new Map();
    for (const item of result.body) {
      marked.set(item.line, (marked.get(item.line) ? marked.get(item.line) + "; " : "") + item.words);
    }
    numberLines();
    const count = result.count;
    status.textContent = count
      ? `${count} problem${count === 1 ? "" : "s"} (${result.errors} stop${result.errors === 1 ? "s" : ""} publishing)`
      : "No problems found.";
  }

  async function check() {
    const mine = ++sent;
    const data = new URLSearchParams(new FormData(form));
    data.delete("action");
    const answer = await fetch(form.dataset.check, {
      method: "POST",
      headers: { "X-Desk-Token": token },
      body: data,
    });
    if (answer.ok && mine === sent) show(await answer.json());
  }

  form.addEventListener("input", () => {
    clearTimeout(timer);
    timer = setTimeout(check, WAIT_MS);
  });
  if (body) {
    body.addEventListener("input", numberLines);
    body.addEventListener("scroll", () => { if (gutter) gutter.scrollTop = body.scrollTop; });
  }
  numberLines();
  return { check, body };
}

function setupConditions(form) {
  const add = form.querySelector("[data-add-condition]");
  if (!add) return;
  add.addEventListener("click", (event) => {
    event.preventDefault();
    const boxes = form.querySelector(".condition-boxes");
    const box = document.createElement("input");
    box.type = "text";
    box.name = "tags";
    box.setAttribute("list", "known-conditions");
    box.setAttribute("aria-label", `Condition ${boxes.children.length + 1}`);
    boxes.append(box);
    box.focus();
  });
}

function setupPictures(upload, checking) {
  const body = checking.body;
  const status = upload.querySelector("[data-picture-status]");
  let cursor = body ? body.value.length : 0;
  if (body) {
    const remember = () => { cursor = body.selectionStart; };
    for (const name of ["keyup", "click", "blur", "select"]) body.addEventListener(name, remember);
  }
  upload.addEventListener("submit", async (event) => {
    if (!body) return;
    event.preventDefault();
    status.textContent = "Adding the picture…";
    const answer = await fetch(upload.action, {
      method: "POST",
      headers: { "X-Desk-Token": token, Accept: "application/json" },
      body: new FormData(upload),
    });
    const result = await answer.json();
    if (!answer.ok) {
      status.textContent = result.problem || "The picture was not added.";
      return;
    }
    const before = body.value.slice(0, cursor);
    const after = body.value.slice(cursor);
    const line = (before && !before.endsWith("\n") ? "\n\n" : "") + result.markdown + "\n\n";
    body.value = before + line + after;
    cursor = before.length + line.length;
    body.focus();
    body.setSelectionRange(cursor, cursor);
    body.dispatchEvent(new Event("input", { bubbles: true }));
    status.textContent = `Added ${result.path} at the cursor; save to keep it in the text.`;
    upload.reset();
  });
}

function setupPublishing(box) {
  const log = box.querySelector("[data-log]");
  if (!box.querySelector("[data-working]")) return;
  const timer = setInterval(async () => {
    const answer = await fetch("/publish/progress");
    if (!answer.ok) return;
    const job = await answer.json();
    if (log) log.textContent = job.lines.join("\n");
    if (!job.running) {
      clearInterval(timer);
      window.location.reload();
    }
  }, 1000);
}

const form = document.getElementById("edit-form");
if (form) {
  const checking = setupChecking(form);
  setupConditions(form);
  const upload = document.getElementById("picture-form");
  if (upload) setupPictures(upload, checking);
}
const publishing = document.querySelector("[data-publishing]");
if (publishing) setupPublishing(publishing);
