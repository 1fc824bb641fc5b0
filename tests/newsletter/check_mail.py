#!/usr/bin/python3
"""check_mail.py: checks a built newsletter archive with parsers that share
no code with zonesite: Python's xml.etree (expat) for the Atom feed and
html.parser for the mail HTML, both in the standard library, so no package
needs installing.  Prints one "ok - ..." / "not ok - ..." line per check.

usage: check_mail.py OUT_FOLDER BASE_URL CAMPAIGN_TEMPLATE [NEWSLETTER_PATH]
  OUT_FOLDER  the built site;  BASE_URL  site.yaml base_url;
  CAMPAIGN_TEMPLATE  site.yaml newsletter.campaign ("nieuwsbrief-{id}")
"""
import os
import re
import sys
import unicodedata
import xml.etree.ElementTree as ET
from html.parser import HTMLParser
from urllib.parse import urlsplit, parse_qs

ATOM = '{http://www.w3.org/2005/Atom}'
RFC3339 = re.compile(r'^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(Z|[+-]\d{2}:\d{2})$')
failures = 0
OUT = "."


def check(cond, what, detail=None):
    global failures
    if cond:
        print(f'ok - {what}')
    else:
        failures += 1
        print(f'not ok - {what}')
        if detail:
            print('#   ' + str(detail).replace('\n', '\n#   '))
    return cond


# ---- the Atom feed (RFC 4287) ----

def check_feed(out, nl, base, issues):
    path = os.path.join(out, nl, 'feed.xml')
    try:
        root = ET.parse(path).getroot()
    except (OSError, ET.ParseError) as e:
        check(False, 'feed.xml is well-formed XML', e)
        return
    check(True, 'feed.xml is well-formed XML (expat)')
    check(root.tag == ATOM + 'feed', 'the root is an Atom <feed>', root.tag)
    for name in ('id', 'title', 'updated', 'author'):
        check(len(root.findall(ATOM + name)) == 1, f'the feed has exactly one <{name}>')
    self_links = [l for l in root.findall(ATOM + 'link') if l.get('rel') == 'self']
    check(len(self_links) == 1 and self_links[0].get('href') == f'{base}{nl}/feed.xml',
          'the feed links to itself with its absolute URL',
          [l.attrib for l in self_links])
    entries = root.findall(ATOM + 'entry')
    check(len(entries) == len(issues), f'one entry per issue ({len(issues)})', len(entries))
    ids, dates, bad = [], [], []
    for e in entries:
        eid = e.findtext(ATOM + 'id') or ''
        upd = e.findtext(ATOM + 'updated') or ''
        title = e.findtext(ATOM + 'title') or ''
        alt = [l.get('href') for l in e.findall(ATOM + 'link') if l.get('rel') == 'alternate']
        ids.append(eid)
        dates.append(upd)
        if not (title and RFC3339.match(upd) and alt and alt[0] == eid
                and eid.startswith(base + nl + '/')):
            bad.append((eid, upd, title, alt))
    check(not bad, 'every entry has a title, an RFC 3339 <updated>, and an id that is its absolute URL', bad)
    check(len(set(ids)) == len(ids), 'entry ids are unique')
    check(dates == sorted(dates, reverse=True), 'entries are newest first', dates)
    feed_updated = root.findtext(ATOM + 'updated')
    check(bool(dates) and feed_updated == max(dates),
          "the feed's <updated> is the newest issue's date, not the clock",
          (feed_updated, dates[:1]))
    want = sorted(f'{base}{nl}/{i}/' for i in issues)
    check(sorted(ids) == want, 'the entries are exactly the published issues', (sorted(ids), want))
    content = [e.find(ATOM + 'content') for e in entries]
    rel = [c.text for c in content if c is not None and re.search(r'(href|src)="/', c.text or '')]
    check(not rel, 'entry content links are absolute', rel[:1])


# ---- the mail HTML ----

class MailParser(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.tags, self.links, self.images, self.styles = [], [], [], []
        self.attrs_seen = set()
        self.text_by_href = {}
        self._open_a = None

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        self.tags.append(tag)
        self.attrs_seen.update(k for k, _ in attrs)
        if 'style' in a:
            self.styles.append((tag, a['style']))
        if tag == 'a':
            self.links.append(a.get('href'))
            self._open_a = a.get('href')
            self.text_by_href.setdefault(self._open_a, '')
        if tag == 'img':
            self.images.append(a)

    def handle_endtag(self, tag):
        if tag == 'a':
            self._open_a = None

    def handle_data(self, data):
        if self._open_a is not None:
            self.text_by_href[self._open_a] += data


def px_width(style):
    m = re.search(r'(?:^|;)\s*(?:max-)?width:\s*(\d+)px', style)
    return int(m.group(1)) if m else None


def check_mail_html(path, base, campaign, issue_url):
    name = os.path.relpath(path, OUT)
    raw = open(path, encoding='utf-8').read()
    p = MailParser()
    p.feed(raw)
    p.close()
    forbidden = [t for t in p.tags if t in ('script', 'form', 'style', 'link', 'iframe', 'object', 'embed', 'input', 'button')]
    check(not forbidden, f'{name}: no script, form, style sheet or embedded object', forbidden)
    handlers = [a for a in p.attrs_seen if a.startswith('on')]
    check(not handlers and 'javascript:' not in raw.lower(), f'{name}: no event handler attribute, no javascript:', handlers)
    check('class' not in p.attrs_seen, f'{name}: no class attribute: every style is inline')
    urls = [u for u in p.links] + [i.get('src') for i in p.images]
    relative = [u for u in urls if not u or not re.match(r'^(https?://|mailto:|tel:)', u)]
    check(not relative, f'{name}: every link and image is absolute', relative[:5])
    inside = [u for u in p.links if u and u.startswith(base)]
    outside = [u for u in p.links if u and not u.startswith(base)]
    no_campaign = [u for u in inside if parse_qs(urlsplit(u).query).get('utm_campaign') != [campaign]]
    check(inside and not no_campaign, f'{name}: every link into the site carries utm_campaign={campaign} ({len(inside)} links)', no_campaign[:5])
    order = [u for u in inside if '#' in u and u.index('?') > u.index('#')]
    check(not order, f'{name}: the campaign parameter stands before the #fragment', order[:3])
    leaked = [u for u in outside if 'utm_campaign' in u]
    check(not leaked, f'{name}: no link outside the site carries the campaign ({len(outside)} links)', leaked[:3])
    no_alt = [i.get('src') for i in p.images if not (i.get('alt') or '').strip()]
    check(not no_alt, f'{name}: every image has alt text ({len(p.images)} images)', no_alt)
    img_campaign = [i.get('src') for i in p.images if 'utm_campaign' in (i.get('src') or '')]
    check(not img_campaign, f'{name}: images carry no campaign parameter', img_campaign)
    widths = [px_width(s) for t, s in p.styles if t in ('table', 'td', 'img', 'div')]
    widths = [w for w in widths if w is not None]
    box = [s for t, s in p.styles if t == 'div' and re.search(r'max-width:\s*600px', s)]
    check(box and widths and max(widths) <= 600, f'{name}: the layout is at most 600 px wide (max-width:600px box, no wider element)', widths)
    check(p.tags.count('table') >= 2 and 'role="presentation"' in raw, f'{name}: a table layout (role=presentation)')
    online = [u for u, t in p.text_by_href.items() if 'bekijk deze nieuwsbrief online' in t.lower()]
    want = f'{issue_url}?utm_campaign={campaign}'
    check(online == [want], f'{name}: "bekijk deze nieuwsbrief online" leads to the archive page', (online, want))


# ---- the plain-text mail ----

def check_mail_text(path):
    name = os.path.relpath(path, OUT)
    raw = open(path, 'rb').read()
    try:
        text = raw.decode('utf-8')
    except UnicodeDecodeError as e:
        check(False, f'{name}: valid UTF-8', e)
        return
    check(True, f'{name}: valid UTF-8')
    body, sep, refs = text.partition('\nLinks\n-----\n')
    check(bool(sep), f'{name}: ends with a list of links')
    long_lines = [l for l in body.split('\n')
                  if len(unicodedata.normalize('NFC', l)) > 72 and len(l.strip().split(' ')) > 1]
    check(not long_lines, f'{name}: wrapped at 72 columns (code points); only a single word may be longer', long_lines[:3])
    check('<http' not in body and '<mailto' not in body, f'{name}: no inline <URL> left in the text')
    listed = re.findall(r'^\[(\d+)\] (\S+)$', refs, re.M)
    nums = [int(n) for n, _ in listed]
    check(nums == list(range(1, len(nums) + 1)) and nums, f'{name}: references are numbered 1..{len(nums)}', nums)
    used = sorted({int(n) for n in re.findall(r'\[(\d+)\]', body)})
    check(used == nums, f'{name}: every reference is used in the text and every use is listed', (used, nums))
    urls = [u for _, u in listed]
    check(len(set(urls)) == len(urls), f'{name}: one number per URL')
    check(all(re.match(r'^(https?://|mailto:)', u) for u in urls), f'{name}: every reference is an absolute URL')
    check(not re.search(r'[\x00-\x08\x0b-\x1f]', text), f'{name}: no control characters')


def main():
    global OUT
    out, base, campaign_tpl = sys.argv[1:4]
    OUT = out
    nl = sys.argv[4] if len(sys.argv) > 4 else 'nieuwsbrief'
    base = base.rstrip('/') + '/'
    issues = sorted(d for d in os.listdir(os.path.join(out, nl))
                    if os.path.isdir(os.path.join(out, nl, d)))
    check(bool(issues), f'{len(issues)} issues built')
    check_feed(out, nl, base, issues)
    for i in issues:
        d = os.path.join(out, nl, i)
        for f in ('index.html', 'email.html', 'email.txt'):
            check(os.path.isfile(os.path.join(d, f)), f'{nl}/{i}/{f} exists')
        check_mail_html(os.path.join(d, 'email.html'), base, campaign_tpl.replace('{id}', i), f'{base}{nl}/{i}/')
        check_mail_text(os.path.join(d, 'email.txt'))
    sys.exit(1 if failures else 0)


if __name__ == '__main__':
    main()
