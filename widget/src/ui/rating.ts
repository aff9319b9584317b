import type { TTranslate } from "../i18n";
import { h, icon } from "./dom";

/**
 * The satisfaction prompt: five stars as a radio group (arrow keys move, one tab stop), an optional
 * comment and a submit button; after a successful submit it becomes a thank-you line.
 */
export function ratingPrompt(
  t: TTranslate,
  submit: (score: number, comment: string) => Promise<boolean>,
): HTMLElement {
  let score = 0;
  const title = h("div", { class: "kf-rating-title", id: "kf-rating-title" }, t("rateTitle"));
  const group = h("div", { class: "kf-stars", role: "radiogroup", "aria-labelledby": "kf-rating-title" });
  const stars = [1, 2, 3, 4, 5].map((n) => {
    const star = h("button", {
      type: "button",
      class: "kf-star",
      role: "radio",
      "aria-checked": "false",
      "aria-label": t("rateStar", { n }),
      tabindex: n === 1 ? "0" : "-1",
    });
    star.append(icon("star"));
    star.onclick = () => choose(n);
    star.onkeydown = (e) => {
      const step = { ArrowRight: 1, ArrowUp: 1, ArrowLeft: -1, ArrowDown: -1 }[e.key];
      if (!step) return;
      e.preventDefault();
      choose(Math.min(5, Math.max(1, (score || n) + step)));
      stars[score - 1].focus();
    };
    return star;
  });
  group.append(...stars);
  const comment = h("textarea", {
    "aria-label": t("rateComment"),
    placeholder: t("ratePlaceholder"),
    maxlength: "500",
  });
  const button = h("button", { type: "submit", class: "kf-primary", disabled: true }, t("rateSubmit"));
  const error = h("div", { class: "kf-error", role: "alert", hidden: true });
  const form = h("form", { class: "kf-rating" }, title, group, comment, button, error);

  function choose(n: number) {
    score = n;
    stars.forEach((s, i) => {
      s.setAttribute("aria-checked", String(i + 1 === n));
      s.tabIndex = i + 1 === n ? 0 : -1;
      s.toggleAttribute("data-on", i < n);
    });
    button.disabled = false;
  }

  form.onsubmit = async (e) => {
    e.preventDefault();
    if (!score) return;
    button.disabled = true;
    error.hidden = true;
    if (await submit(score, comment.value.trim())) {
      form.replaceWith(h("div", { class: "kf-system", role: "status" }, t("rateThanks")));
      return;
    }
    error.textContent = t("rateFailed");
    error.hidden = false;
    button.disabled = false;
  };
  return form;
}
