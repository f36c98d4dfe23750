/*
 * Type-ahead for every site search box (form[role=search] with an input named q).
 *
 * Progressive enhancement: without this script the boxes are plain GET forms.
 * With it, the input becomes an ARIA 1.2 combobox with a listbox of page titles
 * from <form action>suggest/ (the same language as the page). Chinese is typed
 * through an input method: while a composition is in progress the input holds
 * pinyin, not the words meant, so nothing is asked until compositionend, and
 * Enter that confirms a candidate never selects or submits.
 */
(function () {
    "use strict";
    if (window.yanxiTypeahead) {
        return; // loaded twice (base template and a page): enhance once
    }
    window.yanxiTypeahead = true;

    var DELAY_MS = 150;
    var uid = 0;

    function enhance(form, input) {
        var id = "typeahead-" + (++uid);
        var endpoint = form.getAttribute("action").replace(/\/?$/, "/") + "suggest/";
        var label = form.querySelector("label[for='" + input.id + "']");
        var list = document.createElement("ul");
        var status = document.createElement("div");
        var composing = false;
        var timer = null;
        var controller = null;
        var answers = new Map();
        var options = [];
        var active = -1;

        list.id = id + "-list";
        list.className = "typeahead__list";
        list.setAttribute("role", "listbox");
        if (label) {
            list.setAttribute("aria-label", label.textContent.trim());
        }
        list.hidden = true;
        status.className = "visually-hidden";
        status.setAttribute("role", "status");
        form.classList.add("typeahead");
        form.appendChild(list);
        form.appendChild(status);

        input.setAttribute("role", "combobox");
        input.setAttribute("aria-autocomplete", "list");
        input.setAttribute("aria-expanded", "false");
        input.setAttribute("aria-controls", list.id);
        input.setAttribute("autocomplete", "off");

        function close() {
            list.hidden = true;
            input.setAttribute("aria-expanded", "false");
            input.removeAttribute("aria-activedescendant");
            active = -1;
        }

        function highlight(index) {
            options.forEach(function (option, i) {
                option.setAttribute("aria-selected", i === index ? "true" : "false");
            });
            active = index;
            if (index >= 0) {
                input.setAttribute("aria-activedescendant", options[index].id);
                options[index].scrollIntoView({ block: "nearest" });
            } else {
                input.removeAttribute("aria-activedescendant");
            }
        }

        function show(data) {
            list.textContent = "";
            options = data.suggestions.map(function (suggestion, i) {
                var option = document.createElement("li");
                var type = document.createElement("span");
                option.id = id + "-option-" + i;
                option.className = "typeahead__option";
                option.setAttribute("role", "option");
                option.setAttribute("aria-selected", "false");
                option.dataset.url = suggestion.url;
                option.appendChild(document.createTextNode(suggestion.title));
                type.className = "typeahead__type";
                type.textContent = suggestion.type;
                option.appendChild(type);
                // mousedown, not click: the input keeps focus, so blur does not close the list first.
                option.addEventListener("mousedown", function (event) {
                    event.preventDefault();
                    window.location.assign(suggestion.url);
                });
                list.appendChild(option);
                return option;
            });
            status.textContent = data.status || "";
            active = -1;
            if (options.length) {
                list.hidden = false;
                input.setAttribute("aria-expanded", "true");
            } else {
                close();
            }
        }

        function ask() {
            var query = input.value.trim();
            if (!query) {
                close();
                status.textContent = "";
                return;
            }
            if (answers.has(query)) {
                show(answers.get(query));
                return;
            }
            if (controller) {
                controller.abort();
            }
            controller = new AbortController();
            fetch(endpoint + "?q=" + encodeURIComponent(query), {
                headers: { Accept: "application/json" },
                credentials: "same-origin",
                signal: controller.signal,
            })
                .then(function (response) {
                    return response.json().then(function (data) {
                        if (response.ok) {
                            answers.set(query, data);
                        }
                        return data;
                    });
                })
                .then(function (data) {
                    // A late answer to an older query must not replace the current one.
                    if (input.value.trim() === query) {
                        show(data);
                    }
                })
                .catch(function () {
                    /* aborted or offline: the form still works without suggestions */
                });
        }

        function schedule() {
            window.clearTimeout(timer);
            timer = window.setTimeout(ask, DELAY_MS);
        }

        input.addEventListener("compositionstart", function () {
            composing = true;
            window.clearTimeout(timer);
        });
        input.addEventListener("compositionend", function () {
            composing = false;
            schedule();
        });
        input.addEventListener("input", function (event) {
            if (composing || event.isComposing) {
                return;
            }
            schedule();
        });
        input.addEventListener("keydown", function (event) {
            if (composing || event.isComposing || event.keyCode === 229) {
                return; // the key belongs to the input method
            }
            if (event.key === "ArrowDown" || event.key === "ArrowUp") {
                if (list.hidden) {
                    if (options.length) {
                        list.hidden = false;
                        input.setAttribute("aria-expanded", "true");
                    }
                    return;
                }
                event.preventDefault();
                var step = event.key === "ArrowDown" ? 1 : -1;
                var next = active + step;
                if (next < -1) {
                    next = options.length - 1;
                } else if (next >= options.length) {
                    next = -1;
                }
                highlight(next);
            } else if (event.key === "Enter" && active >= 0 && !list.hidden) {
                event.preventDefault();
                window.location.assign(options[active].dataset.url);
            } else if (event.key === "Escape" && !list.hidden) {
                event.preventDefault();
                close();
            }
        });
        input.addEventListener("blur", close);
    }

    function init() {
        document.querySelectorAll("form[role='search']").forEach(function (form) {
            var input = form.querySelector("input[name='q']");
            if (input && input.id && form.getAttribute("action")) {
                enhance(form, input);
            }
        });
    }

    if (document.readyState === "loading") {
        document.addEventListener("DOMContentLoaded", init);
    } else {
        init();
    }
})();
