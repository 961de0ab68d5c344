/* 创建动态的筛选：按类别、测评项目、部门在当前页内筛选。
   没有脚本时表单不显示（html 保留 no-js），页面显示完整列表；分类和测评项目另有静态页面。 */
(function () {
  "use strict";
  function setup(form) {
    var root = form.parentNode;
    var items = root.querySelectorAll(".ws-listing .ws-tl__item");
    var months = root.querySelectorAll(".ws-listing .ws-month");
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
