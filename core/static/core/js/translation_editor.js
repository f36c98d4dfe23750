// wagtail-localize 1.14's translation editor is a React app with no action
// for moderation and two English strings written into its code, not its
// catalogue. Once React has drawn the editor (and whenever it draws it
// again) this puts the "submit for review" button (rendered by the server
// in #translation-review-button, for those who may submit) first in the
// footer, and translates those two strings with the admin's catalogue.
(() => {
  const editor = document.querySelector('.js-translation-editor');
  if (!editor) return;
  const review = document.getElementById('translation-review-button');
  const { sourceLocale, locale } = JSON.parse(editor.dataset.props);
  const englishHeading = `${sourceLocale.displayName} to ${locale.displayName} translation`;
  const heading = interpolate(
    gettext('%(source)s to %(target)s translation'),
    { source: sourceLocale.displayName, target: locale.displayName },
    true,
  );

  const moreActions = gettext('More actions');
  // Text is replaced only where it changes: every change wakes the observer,
  // and in English the translation is the text itself.
  const translate = (elements, english, translation) => {
    if (translation === english) return;
    elements.forEach((element) => {
      if (element.textContent === english) element.textContent = translation;
    });
  };

  const finish = () => {
    translate(editor.querySelectorAll('section h3'), englishHeading, heading);
    translate(editor.querySelectorAll('.w-dropdown__toggle .w-sr-only'), 'More actions', moreActions);
    const actions = editor.querySelector('footer .w-dropdown-button');
    const menu = editor.querySelector('footer .w-dropdown__content');
    if (!review || !actions || !menu || editor.querySelector('[data-translation-review]')) return;
    const button = review.content.firstElementChild.cloneNode(true);
    const first = actions.firstElementChild;
    if (first.value === 'publish') {
      // Who may publish keeps "Publish" first; review waits in the menu.
      button.classList.add('action-secondary');
      menu.prepend(button);
    } else {
      // What wagtail-localize put first (delete, convert to alias, stop
      // syncing) is no translator's main action: into the menu.
      menu.prepend(first);
      actions.prepend(button);
    }
  };
  new MutationObserver(finish).observe(editor, { childList: true, subtree: true });
  finish();
})();
