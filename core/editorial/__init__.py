"""The editorial side of the site: who may edit what, and an admin that helps them work.

- roles: the groups (created by migration home 0003) and what a user's groups mean;
- cities: the cities a page belongs to, which scope editors; a page type says
  its own by mixing in `CityScopedPage`;
- permissions: the rules (who may edit, add, sync what), in words a refusal shows;
- pages: those rules as Wagtail's page permissions (`EditorialPage`, mixed
  into every page type), so every admin view and button follows them;
- middleware: says which rule refuses a page view, and answers a malformed
  page form with a 400;
- panels / reports: the bases of the dashboard panels and report views, and
  core's own; other apps declare theirs in <app>/editorial.py and register
  them in their wagtail_hooks.py;
- translation: translators send an English translation to moderation;
- signals: new users get the Chinese admin;
- demo_content: a demo account for each role (`manage.py load_demo`).
"""
