"""The editorial side of the site: who may edit what, and an admin that helps them work.

- roles: the groups (created by migration home 0003) and what a user's groups mean;
- cities: `editorial_cities(page)`, the cities a page belongs to, which scope editors;
- permissions: the checks behind the page and snippet hooks in home/wagtail_hooks.py;
- panels / reports: dashboard panels and report views (other apps add theirs in
  <app>/editorial.py);
- translation: translators send an English translation to moderation;
- signals: new users get the Chinese admin;
- demo_content: a demo account for each role (`manage.py load_demo`).
"""
