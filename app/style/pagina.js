// What the pages do with JavaScript on. Every page is whole HTML from the server and works
// without this file; with it:
// - the wasm bundle is fetched only on a page with an island (`<leptos-island>`: the search
//   box's suggestions, "use my location", the location editor's wijk preview) and hydrates
//   just those; `body[data-enhanced]` marks that this file runs (CSS shows the helpers that
//   need it), `body[data-hydrated]` that the islands are hydrated too;
// - links and forms to this site fetch the next page and put it in place of the old one
//   (no reload: the scripts, the stylesheet and the map code stay), sending what a browser
//   without JavaScript sends, so the server answers both the same way;
// - small things: a form with `data-live` runs again on every change, `details[data-open-wide]`
//   opens on a wide screen, the map toggle on a phone, the print button.
(function () {
  "use strict";

  var bundle = document.currentScript && document.currentScript.dataset.bundle;
  var loading = null;

  function loadBundle() {
    if (!loading) {
      loading = import(bundle + ".js").then(function (mod) {
        return mod.default({ module_or_path: bundle + "_bg.wasm" }).then(function () {
          mod.hydrate();
          return mod;
        });
      });
    }
    return loading;
  }

  function hydrateIslands(root) {
    var islands = Array.prototype.filter.call(root.querySelectorAll("leptos-island"), function (el) {
      // An island inside another is hydrated by the outer one.
      return !el.$$hydrated && !(el.parentElement && el.parentElement.closest("leptos-island"));
    });
    if (!islands.length) return Promise.resolve();
    return loadBundle().then(function (mod) {
      islands.forEach(function (el) {
        el.$$hydrated = true;
        var island = mod[el.dataset.component];
        if (island) island(el);
        else console.warn("no island " + el.dataset.component);
      });
    });
  }

  function openWide(root) {
    root.querySelectorAll("details[data-open-wide]").forEach(function (d) {
      if (window.innerWidth > Number(d.dataset.openWide)) d.setAttribute("open", "");
    });
  }

  function enhance(root) {
    openWide(root);
    return hydrateIslands(root).catch(function (e) { console.error(e); });
  }

  // ---- No reload between pages ----

  var navigation = 0;
  // Where each page was scrolled to, so going back returns there (the page comes later than
  // the browser's own restoring would).
  if ("scrollRestoration" in window.history) window.history.scrollRestoration = "manual";

  function remember() {
    window.history.replaceState({ y: window.scrollY }, "");
  }

  function isPage(url) {
    return url.origin === window.location.origin;
  }

  function focusOn(el) {
    if (!el) return false;
    if (!el.hasAttribute("tabindex") && !/^(A|BUTTON|INPUT|SELECT|TEXTAREA)$/.test(el.tagName)) {
      el.setAttribute("tabindex", "-1");
    }
    el.focus({ preventScroll: true });
    el.scrollIntoView({ block: "start" });
    return true;
  }

  // A refused submit comes back as the same page with `?fout=<veld>`. The server puts back what
  // was typed where that is not personal; here, in the browser, the rest stays too: a field the
  // new page leaves empty gets what the person typed in it.
  function keepTyped(form, url) {
    if (!form || !new URLSearchParams(url.search).has("fout")) return;
    Array.prototype.forEach.call(form.elements, function (old) {
      if (!old.id || !old.value || old.type === "hidden" || old.type === "checkbox" || old.type === "radio" ||
          old.type === "file" || old.type === "password" || old.type === "submit" || old.type === "button") return;
      var now = document.getElementById(old.id);
      if (now && now.tagName === old.tagName && !now.value) now.value = old.value;
    });
  }

  function put(html, url, push, form, back) {
    var doc = new DOMParser().parseFromString(html, "text/html");
    var before = window.location;
    var samePage = url.pathname === before.pathname;
    var focused = document.activeElement && document.activeElement.id;
    var scrolled = window.scrollY;
    document.title = doc.title;
    document.body.replaceChildren.apply(document.body, Array.prototype.slice.call(doc.body.childNodes).map(function (n) {
      return document.adoptNode(n);
    }));
    keepTyped(form, url);
    if (push) window.history.pushState(null, "", url.href);
    else window.history.replaceState(back ? window.history.state : null, "", url.href);
    // Where to continue: the anchor asked for, a problem the server found, the part the server
    // marked (`data-open-here`), the same field on the same page, or the top of a new page.
    var main = document.getElementById("inhoud");
    if (back) {
      window.scrollTo(0, (window.history.state && window.history.state.y) || 0);
      if (main) main.focus({ preventScroll: true });
    } else if (url.hash && focusOn(document.getElementById(decodeURIComponent(url.hash.slice(1))))) {
      // done
    } else if (focusOn(main && main.querySelector("[role=alert]"))) {
      // done
    } else if (focusOn(main && main.querySelector("[data-open-here]"))) {
      // done
    } else if (samePage) {
      window.scrollTo(0, scrolled);
      var again = focused && document.getElementById(focused);
      if (again) again.focus({ preventScroll: true });
    } else {
      window.scrollTo(0, 0);
      if (main) main.focus({ preventScroll: true });
    }
    enhance(document.body);
  }

  function said(text) {
    var main = document.getElementById("inhoud");
    var p = document.createElement("p");
    p.className = "problem";
    p.setAttribute("role", "alert");
    p.textContent = text.slice(0, 500);
    if (main) {
      main.insertBefore(p, main.firstChild);
      focusOn(p);
    }
  }

  function go(url, init, push, fallback, form, back) {
    var mine = ++navigation;
    if (push) remember();
    init.headers = { Accept: "text/html" };
    init.credentials = "same-origin";
    document.documentElement.setAttribute("aria-busy", "true");
    fetch(url.href, init).then(function (response) {
      var type = response.headers.get("content-type") || "";
      if (!/^text\/html/.test(type)) {
        // A file (or a refusal in plain text): a link goes there itself; an answer to a form is
        // not sent again but shown, as text.
        if (init.method === "GET") throw new Error("not a page");
        return response.text().then(function (text) {
          if (mine === navigation) said(text);
          return null;
        });
      }
      return response.text().then(function (html) {
        var landed = new URL(response.url);
        // A fetch answer has no #fragment: keep the one the link asked for.
        if (!response.redirected) landed.hash = url.hash;
        return { html: html, url: landed };
      });
    }).then(function (page) {
      if (page && mine === navigation) put(page.html, page.url, push, form, back);
    }).catch(function () {
      // Let the browser do it itself, as without JavaScript.
      if (mine === navigation) fallback();
    }).then(function () {
      if (mine === navigation) document.documentElement.removeAttribute("aria-busy");
    });
  }

  document.addEventListener("click", function (ev) {
    if (ev.defaultPrevented || ev.button !== 0 || ev.metaKey || ev.ctrlKey || ev.shiftKey || ev.altKey) return;
    var a = ev.target.closest && ev.target.closest("a[href]");
    if (!a || a.target || a.hasAttribute("download") || /(^|\s)external(\s|$)/.test(a.rel)) return;
    var url = new URL(a.href);
    if (!isPage(url) || /^\/(pkg|assets|vendor|api)\//.test(url.pathname)) return;
    // An anchor on this page: the browser scrolls there itself.
    if (url.hash && url.pathname === window.location.pathname && url.search === window.location.search) return;
    ev.preventDefault();
    go(url, { method: "GET" }, true, function () { window.location.assign(url.href); });
  });

  document.addEventListener("submit", function (ev) {
    if (ev.defaultPrevented) return;
    var form = ev.target;
    var submitter = ev.submitter;
    if (form.target || form.hasAttribute("data-reload")) return;
    var url = new URL((submitter && submitter.getAttribute("formaction")) || form.action, window.location.href);
    var method = ((submitter && submitter.getAttribute("formmethod")) || form.method || "get").toUpperCase();
    if (!isPage(url) || (method !== "GET" && method !== "POST")) return;
    ev.preventDefault();
    var data = new FormData(form, submitter || undefined);
    var init = { method: method };
    if (method === "GET") {
      url.search = new URLSearchParams(data).toString();
    } else if (form.enctype === "multipart/form-data") {
      init.body = data;
    } else {
      init.body = new URLSearchParams(data);
    }
    // A live form replaces its own history entry: one entry per search, not per tick.
    go(url, init, !form.hasAttribute("data-live"), function () { HTMLFormElement.prototype.submit.call(form); }, form);
  });

  window.addEventListener("popstate", function () {
    var url = new URL(window.location.href);
    go(url, { method: "GET" }, false, function () { window.location.reload(); }, null, true);
  });

  // ---- Small things ----

  document.addEventListener("change", function (ev) {
    var form = ev.target.form;
    if (form && form.hasAttribute("data-live")) form.requestSubmit();
  });

  document.addEventListener("click", function (ev) {
    var toggle = ev.target.closest && ev.target.closest(".kaart-toggle");
    if (toggle) {
      var results = toggle.closest(".results");
      var shown = results.classList.toggle("met-kaart");
      toggle.setAttribute("aria-expanded", String(shown));
      toggle.textContent = shown ? toggle.dataset.hide : toggle.dataset.show;
    }
    if (ev.target.closest && ev.target.closest("[data-print]")) window.print();
  });

  function start() {
    document.body.setAttribute("data-enhanced", "");
    enhance(document.body).then(function () {
      document.body.setAttribute("data-hydrated", "true");
    });
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
