/* 创建动态的筛选：按类别、测评项目、部门在当前页内筛选。
   没有脚本时表单不显示（html 保留 no-js），页面显示完整列表；分类和测评项目另有静态页面。 */
(function () {
  "use strict";
  function setup(form) {
    // The form may stand beside the list (data-ws-scope holds both); routines are named
    // once below the headlines and filter alike.
    var root = form.closest("[data-ws-scope]") || form.parentNode;
    var items = root.querySelectorAll(".ws-listing .ws-tl__item");
    var months = root.querySelectorAll(".ws-listing .ws-month, .ws-listing .ws-routine-sum");
    var output = form.querySelector("output");
    function apply() {
      var want = {};
      Array.prototype.forEach.call(form.elements, function (el) {
        if (el.name && el.value) want[el.name] = el.value;
      });
      var shown = 0;
      Array.prototype.forEach.call(items, function (li) {
        var ok = (!want.category || li.dataset.category === want.category) &&
          (!want.criteria || (" " + li.dataset.criteria + " ").indexOf(" " + want.criteria + " ") >= 0) &&
          (!want.department || li.dataset.department === want.department);
        li.hidden = !ok;
        if (ok) shown += parseInt(li.dataset.count || "1", 10);
      });
      Array.prototype.forEach.call(months, function (m) {
        m.hidden = !m.querySelector(".ws-tl__item:not([hidden])");
      });
      output.textContent = Object.keys(want).length ? "筛选出 " + shown + " 项（次）活动" : "";
    }
    form.addEventListener("change", apply);
  }
  function init() {
    Array.prototype.forEach.call(document.querySelectorAll("form[data-ws-filter]"), setup);
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();

/* 照片灯箱（glightbox）：按钮用中文名称，对话框有名称；关闭后（Esc 或关闭按钮）
   焦点回到打开它的那张缩略图。只处理 glightbox 创建和移除的节点，不依赖它的内部接口。 */
(function () {
  "use strict";
  var LABELS = { ".gclose": "关闭", ".gprev": "上一张", ".gnext": "下一张" };
  var opener = null;
  function remember(event) {
    var link = event.target.closest && event.target.closest("a.glightbox");
    if (link) opener = link;
  }
  function label(box) {
    box.setAttribute("aria-label", "照片浏览");
    box.setAttribute("aria-modal", "true");
    Object.keys(LABELS).forEach(function (selector) {
      var button = box.querySelector(selector);
      if (button) {
        button.setAttribute("aria-label", LABELS[selector]);
        button.setAttribute("title", LABELS[selector]);
        button.setAttribute("type", "button");
      }
    });
  }
  function isBox(node) {
    return node.nodeType === 1 && node.id === "glightbox-body";
  }
  function watch(records) {
    records.forEach(function (record) {
      Array.prototype.forEach.call(record.addedNodes, function (node) {
        if (isBox(node)) label(node);
      });
      Array.prototype.forEach.call(record.removedNodes, function (node) {
        if (isBox(node) && opener && document.contains(opener)) {
          opener.focus();
          opener = null;
        }
      });
    });
  }
  function init() {
    if (!document.querySelector("a.glightbox")) return;
    document.addEventListener("click", remember, true);
    new MutationObserver(watch).observe(document.body, { childList: true });
    var box = document.getElementById("glightbox-body");
    if (box) label(box);
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();

/* 灯箱的“第几张 / 共几张”：手机上也能知道还有多少张。用 mkdocs-glightbox 创建的
   lightbox 实例的公开事件（open、slide_changed），计数放在灯箱里、朗读器会读出。 */
(function () {
  "use strict";
  function init() {
    /* global lightbox */
    if (typeof lightbox === "undefined" || !lightbox || typeof lightbox.on !== "function") return;
    function show(index) {
      var box = document.getElementById("glightbox-body");
      if (!box) return;
      var counter = box.querySelector(".ws-lb-counter");
      if (!counter) {
        counter = document.createElement("div");
        counter.className = "ws-lb-counter";
        counter.setAttribute("aria-live", "polite");
        box.appendChild(counter);
      }
      var total = (lightbox.elements || []).length;
      counter.textContent = total > 1 ? index + 1 + " / " + total : "";
    }
    lightbox.on("open", function () {
      show(lightbox.index || 0);
    });
    lightbox.on("slide_changed", function (data) {
      show(data && data.current ? data.current.index : 0);
    });
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();

/* 长者模式（适老化）：放大全站文字、加深对比，一键开关，记在本机浏览器里（localStorage），
   下次打开任何页面都保持；页面开头的一行脚本在显示前就加上，避免闪动。不联网、不用第三方脚本。 */
(function () {
  "use strict";
  var KEY = "wenming-elder";
  var root = document.documentElement;
  function set(on) {
    root.classList.toggle("ws-elder", on);
    try {
      if (on) localStorage.setItem(KEY, "1");
      else localStorage.removeItem(KEY);
    } catch (e) {
      /* private mode: the choice lasts for this page only */
    }
  }
  function init() {
    var header = document.querySelector(".md-header__inner");
    if (!header || header.querySelector(".ws-elder-toggle")) return;
    var button = document.createElement("button");
    button.type = "button";
    button.className = "md-header__button ws-elder-toggle";
    button.textContent = "长者模式";
    button.setAttribute("aria-pressed", root.classList.contains("ws-elder") ? "true" : "false");
    button.addEventListener("click", function () {
      var on = !root.classList.contains("ws-elder");
      set(on);
      button.setAttribute("aria-pressed", on ? "true" : "false");
    });
    var search = header.querySelector(".md-search");
    header.insertBefore(button, search || null);
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();

/* 应知应会的自测：在本机核对答案，逐题标出对错并显示解析，不发送任何数据。 */
(function () {
  "use strict";
  function setup(form) {
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      var items = form.querySelectorAll(".ws-quiz__q");
      var right = 0;
      Array.prototype.forEach.call(items, function (item) {
        var chosen = item.querySelector("input:checked");
        var mark = item.querySelector(".ws-quiz__mark");
        var ok = chosen && chosen.value === item.dataset.answer;
        if (ok) right += 1;
        item.classList.toggle("ws-quiz__q--right", !!ok);
        item.classList.toggle("ws-quiz__q--wrong", !ok);
        mark.hidden = false;
        mark.textContent = ok ? "答对了。" : chosen ? "答错了，正确答案见下面。" : "这道题还没有选。";
        if (!ok) item.querySelector("details").open = true;
      });
      form.querySelector(".ws-quiz__score").textContent = "共 " + items.length + " 道题，答对 " + right + " 道。";
    });
  }
  function init() {
    Array.prototype.forEach.call(document.querySelectorAll("form[data-ws-quiz]"), setup);
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
