#!/usr/bin/env python3
"""gen.py DIR: writes the hostile-input corpus into DIR, one folder a case.

The cases are made at test time, never committed: some are large (a
10 MB body, 100,000-item lists), some cannot live in git (symbolic links
to places outside the site, names with newlines).  Everything is made
from fixed text, so the corpus is the same on every run.

Each case folder holds site/ (the input), and case.json (and the same as
shell variables in case.env) that tells tests/hostile/run what is
acceptable:
  status     exit statuses that are fine, e.g. [0] or [1]; 0 must mean a
             correct build, 1 a clear diagnostic; never a signal, never a
             time-out
  diag       a regular expression stderr must match (the diagnostic that
             names the problem), checked whenever the status is not 0
  built      files the output folder must hold when the status is 0
  min_bytes  {file: bytes}: e.g. the 10 MB body really reached its page
  same_as    a case whose output must be byte-identical to this one's
  secret     text that must appear in no file of the output
  absent     files the output folder must not hold
  args       the command line (OUT is the output folder), default
             build -C site -o OUT --now 2025-10-01
  may_change paths under the case folder the build may write besides the
             output folder (the opt-in URL ledger)
Every file outside the output folder is snapshotted before the build and
compared after it, so a case that tries to write elsewhere (ids, aliases
and paths with '..', symbolic links) is caught whatever the generator
prints.
"""
import json
import os
import shlex
import sys

SITE_YAML = """\
zone: {name: Eerstelijnszone Vijandig, short_name: ELZ Vijandig}
base_url: https://vijandig.example/
municipalities:
  - {id: aalter, name: Aalter, postcodes: ["9880"]}
  - {id: knesselare, name: Knesselare, postcodes: ["9910"]}
event_types:
  - {id: overleg, name: Overleg}
"""

PAGE = """\
---
title: Over ons
summary: Wie we zijn.
menu: 1
---
## Onze zone
Twee gemeenten, een netwerk.
"""

EVENT = """\
---
title: Overleg
type: overleg
start: 2025-10-14T12:00
municipalities: [aalter]
---
Een overleg over de eerste lijn.
"""

SECRET = "ZS-HOSTILE-SECRET-do-not-publish"
ENV_KEYS = ["status", "diag", "built", "min_bytes", "same_as", "secret", "absent", "args", "may_change"]


class Case:
    def __init__(self, root, name, **meta):
        self.dir = os.path.join(root, name)
        self.site = os.path.join(self.dir, "site")
        os.makedirs(self.site)
        meta.setdefault("status", [0])
        self.meta = meta
        self.write("site.yaml", SITE_YAML)
        self.write("pages/over-ons.md", PAGE)
        self.write("events/overleg-eerste-lijn.md", EVENT)

    def write(self, rel, text, mode="w"):
        path = os.path.join(self.site, rel)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        data = text.encode("utf-8") if isinstance(text, str) else text
        with open(path, "wb") as f:
            f.write(data)

    def link(self, rel, target):
        path = os.path.join(self.site, rel)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        os.symlink(target, path)

    def outside(self, rel, text):
        """A file beside site/, outside the site folder."""
        path = os.path.join(self.dir, rel)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "w", encoding="utf-8") as f:
            f.write(text)

    def done(self):
        with open(os.path.join(self.dir, "case.json"), "w") as f:
            json.dump(self.meta, f, indent=1, sort_keys=True)
        # The same for the shell runner: one variable a key, lists as words.
        with open(os.path.join(self.dir, "case.env"), "w") as f:
            for key in ENV_KEYS:
                v = self.meta.get(key, "")
                if isinstance(v, list):
                    v = " ".join(str(x) for x in v)
                elif isinstance(v, dict):
                    v = " ".join(f"{k}={n}" for k, n in v.items())
                f.write(f"case_{key}={shlex.quote(str(v))}\n")


def event(extra_yaml="", body="Tekst.\n", title="Overleg"):
    return f"---\ntitle: {title}\nstart: 2025-10-14\n{extra_yaml}---\n{body}"


def junk(n, seed=12345):
    """n bytes of fixed pseudo-random junk (a linear congruential generator)."""
    out = bytearray(n)
    x = seed
    for i in range(n):
        x = (x * 1103515245 + 12345) & 0x7FFFFFFF
        out[i] = (x >> 16) & 0xFF
    return bytes(out)


def deep_and_big(root):
    c = Case(root, "base", built=["index.html", "kalender/overleg-eerste-lijn/index.html", "over-ons/index.html"])
    c.done()

    n = 100000
    c = Case(root, "yaml-deep-flow", status=[1], diag=r"nesting deeper than [0-9]+ levels")
    c.write("events/diep.md", event("extra: " + "[" * n + "]" * n + "\n"))
    c.done()

    c = Case(root, "yaml-deep-block", status=[1], diag=r"nesting deeper than [0-9]+ levels")
    lines = "".join("  " * i + f"k{i}:\n" for i in range(1000))
    c.write("events/diep.md", event("extra:\n" + "".join("  " + l for l in lines.splitlines(True))))
    c.done()

    c = Case(root, "yaml-deep-site", status=[1], diag=r"nesting deeper than [0-9]+ levels")
    c.write("site.yaml", SITE_YAML + "extra: " + "{a: " * 5000 + "b" + "}" * 5000 + "\n")
    c.done()

    c = Case(root, "yaml-100k-list-valid", built=["kalender/veel/index.html"])
    c.write("site.yaml", SITE_YAML.replace(
        "  - {id: knesselare, name: Knesselare, postcodes: [\"9910\"]}\n",
        "".join(f"  - {{id: g{i:06d}, name: Gemeente {i}}}\n" for i in range(n))))
    c.write("events/veel.md", event("municipalities:\n" + "".join(f"  - g{i:06d}\n" for i in range(n))))
    c.done()

    c = Case(root, "yaml-100k-list-duplicates", status=[1], diag=r"listed twice")
    c.write("events/veel.md", event("municipalities: [" + ", ".join(["aalter"] * n) + "]\n"))
    c.done()

    c = Case(root, "yaml-100k-list-unknown", status=[1], diag=r"does not exist")
    c.write("events/veel.md", event("municipalities:\n" + "".join(f"  - onbekend-{i}\n" for i in range(n))))
    c.done()

    c = Case(root, "yaml-100k-programme", built=["kalender/lang/index.html"])
    c.write("events/lang.md", event("programme:\n" + "".join(
        f"  - {{start: 2025-10-14T{(i // 60) % 24:02d}:{i % 60:02d}, title: Punt {i}}}\n" for i in range(n))))
    c.done()

    c = Case(root, "yaml-100k-keys", status=[1], diag=r"unknown key")
    c.write("events/sleutels.md", event("".join(f"sleutel{i}: waarde\n" for i in range(n))))
    c.done()

    c = Case(root, "yaml-100k-same-key", status=[1], diag=r"duplicate key 'label'")
    c.write("events/sleutels.md", event("label: x\n" * n))
    c.done()

    c = Case(root, "yaml-1m-values", status=[1], diag=r"more than [0-9]+ values in one file")
    c.write("events/waarden.md", event("extra: [" + ",".join(["1"] * 1100000) + "]\n"))
    c.done()

    c = Case(root, "yaml-alias-bomb", status=[1], diag=r"anchors and aliases are not supported")
    bomb = "extra:\n  a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n" + "".join(
        f"  a{i}: &a{i} [" + ", ".join([f"*a{i - 1}"] * 10) + "]\n" for i in range(1, 10))
    c.write("events/bom.md", event(bomb))
    c.done()

    big = ("Een alinea over de eerste lijn, met **vet**, *schuin* en `code`. " * 12 + "\n\n")
    body = big * (10 * 1024 * 1024 // len(big) + 1)
    c = Case(root, "md-10mb-body", built=["over-ons/index.html"],
             min_bytes={"over-ons/index.html": 10 * 1024 * 1024})
    c.write("pages/over-ons.md", PAGE + body)
    c.done()

    c = Case(root, "md-file-over-limit", status=[1], diag=r"file is larger than [0-9]+ MiB")
    c.write("pages/over-ons.md", PAGE + big * (33 * 1024 * 1024 // len(big) + 1))
    c.done()

    c = Case(root, "md-deep-blockquote", status=[0, 1], built=["over-ons/index.html"])
    c.write("pages/over-ons.md", PAGE + "> " * 50000 + "diep\n")
    c.done()

    c = Case(root, "md-deep-list", status=[0, 1], built=["over-ons/index.html"])
    c.write("pages/over-ons.md", PAGE + "".join("  " * i + "- punt\n" for i in range(3000)))
    c.done()

    c = Case(root, "md-deep-emphasis", status=[0, 1], built=["over-ons/index.html"])
    c.write("pages/over-ons.md", PAGE + "*" * 50000 + "x" + "*" * 50000 + "\n" + "[" * 50000 + "\n")
    c.done()

    c = Case(root, "md-100k-links", built=["over-ons/index.html"])
    c.write("pages/over-ons.md", PAGE + "".join(f"[overleg {i}](event:overleg-eerste-lijn) " for i in range(n)) + "\n")
    c.done()

    c = Case(root, "md-100k-bad-links", status=[1], diag=r"link to unknown event")
    c.write("pages/over-ons.md", PAGE + "".join(f"[x](event:nergens-{i}) " for i in range(n)) + "\n")
    c.done()

    c = Case(root, "md-100k-headings", built=["over-ons/index.html"])
    c.write("pages/over-ons.md", PAGE + "## Zelfde titel\n\n" * 20000)
    c.done()

    c = Case(root, "huge-line-title", status=[0, 1], built=["kalender/lang/index.html"])
    c.write("events/lang.md", event(title="T" * (5 * 1024 * 1024)))
    c.done()

    c = Case(root, "many-files", built=["kalender/e-4999/index.html"])
    for i in range(5000):
        c.write(f"events/e-{i}.md", event(title=f"Overleg {i}"))
    c.done()


def bytes_and_encodings(root):
    c = Case(root, "binary-junk", status=[1], diag=r"(invalid UTF-8|NUL byte)")
    c.write("events/junk.md", junk(65536))
    c.done()

    c = Case(root, "binary-junk-site-yaml", status=[1], diag=r"(invalid UTF-8|NUL byte)")
    c.write("site.yaml", junk(4096, seed=7))
    c.done()

    for name, seq in [("overlong", b"\xc0\xaf"), ("surrogate", b"\xed\xa0\x80"),
                      ("beyond-unicode", b"\xf4\x90\x80\x80"), ("truncated", b"\xe2\x82"),
                      ("lone-continuation", b"\x80"), ("latin1", b"caf\xe9")]:
        c = Case(root, f"utf8-{name}", status=[1], diag=r"site/events/overleg-eerste-lijn\.md:[0-9]+:[0-9]+: error: invalid UTF-8")
        c.write("events/overleg-eerste-lijn.md", EVENT.encode() .replace(b"Een overleg", b"Een " + seq + b" overleg"))
        c.done()

    c = Case(root, "nul-in-yaml", status=[1], diag=r"NUL byte")
    c.write("events/overleg-eerste-lijn.md", EVENT.replace("title: Overleg", "title: Over\0leg"))
    c.done()

    c = Case(root, "nul-escape-in-yaml", status=[1], diag=r"NUL character")
    c.write("events/overleg-eerste-lijn.md", EVENT.replace("title: Overleg", 'title: "Over\\0leg"'))
    c.done()

    def crlf(t):
        return t.replace("\n", "\r\n")

    c = Case(root, "bom-crlf", same_as="base")
    c.write("site.yaml", "\ufeff" + crlf(SITE_YAML))
    c.write("pages/over-ons.md", "\ufeff" + crlf(PAGE))
    c.write("events/overleg-eerste-lijn.md", "\ufeff" + crlf(EVENT))
    c.done()

    c = Case(root, "bom-twice", status=[0, 1], diag=r"error")
    c.write("events/overleg-eerste-lijn.md", "\ufeff\ufeff" + EVENT)
    c.done()

    c = Case(root, "cr-only", status=[0, 1], diag=r"error")
    c.write("events/overleg-eerste-lijn.md", EVENT.replace("\n", "\r"))
    c.done()

    c = Case(root, "tabs-in-yaml", status=[1], diag=r"tab character in YAML indentation")
    c.write("events/overleg-eerste-lijn.md", EVENT.replace("municipalities: [aalter]",
                                               "location:\n\tname: Zaal\n\tstreet: Markt 1"))
    c.done()

    c = Case(root, "tab-after-colon", status=[0, 1], diag=r"error")
    c.write("events/overleg-eerste-lijn.md", EVENT.replace("title: Overleg", "title:\tOverleg"))
    c.done()

    c = Case(root, "unicode-everywhere", status=[0, 1], diag=r"error",
             built=["kalender/overleg-eerste-lijn/index.html"])
    c.write("events/overleg-eerste-lijn.md", EVENT.replace("title: Overleg",
            "title: \"Overleg \u202e\u200b\u0000\"".replace("\u0000", "")) +
            "\u0301\u0301 \U0001F600 \u2028 \ufffe\n")
    c.done()


def escapes(root):
    c = Case(root, "symlink-file-outside", status=[1], diag=r"symbolic link leads outside the site folder",
             secret=SECRET)
    c.outside("geheim/notitie.md", f"---\ntitle: {SECRET}\nstart: 2025-10-14\n---\n{SECRET}\n")
    c.link("events/notitie.md", "../../geheim/notitie.md")
    c.done()

    c = Case(root, "symlink-absolute", status=[1], diag=r"symbolic link leads outside the site folder")
    c.link("pages/systeem.md", "/etc/hostname")
    c.done()

    c = Case(root, "symlink-folder-outside", status=[1], diag=r"symbolic link leads outside the site folder",
             secret=SECRET)
    c.outside("elders/events/geheim.md", f"---\ntitle: {SECRET}\nstart: 2025-10-14\n---\n{SECRET}\n")
    os.remove(os.path.join(c.site, "events/overleg-eerste-lijn.md"))
    os.rmdir(os.path.join(c.site, "events"))
    c.link("events", "../elders/events")
    c.done()

    c = Case(root, "symlink-static-outside", status=[1], diag=r"symbolic link leads outside the site folder",
             secret=SECRET)
    c.outside("geheim.txt", SECRET + "\n")
    c.write("static/open.txt", "openbaar\n")
    c.link("static/geheim.txt", "../../geheim.txt")
    c.done()

    c = Case(root, "symlink-static-folder-outside", status=[1],
             diag=r"symbolic link leads outside the site folder", secret=SECRET)
    c.outside("kluis/geheim.txt", SECRET + "\n")
    c.link("static/kluis", "../../kluis")
    c.done()

    c = Case(root, "symlink-loop", status=[1], diag=r"error")
    c.link("events/lus.md", "lus.md")
    c.link("static/a", "b")
    c.link("static/b", "a")
    c.done()

    c = Case(root, "symlink-inside", built=["kalender/kopie/index.html"])
    c.link("events/kopie.md", "overleg-eerste-lijn.md")
    c.done()

    c = Case(root, "symlink-site-yaml-outside", status=[1], diag=r"symbolic link leads outside the site folder",
             secret=SECRET)
    c.outside("andere-site.yaml", SITE_YAML.replace("Vijandig}", f"Vijandig, legal_name: {SECRET}}}"))
    os.remove(os.path.join(c.site, "site.yaml"))
    c.link("site.yaml", "../andere-site.yaml")
    c.done()

    bad_names = ["..md", "...md", "-.md", "a..b.md", "A.md", "a b.md", "a\nb.md", "%2e%2e.md",
                 "a\\b.md", ".verborgen.md", "x" * 250 + ".md"]
    c = Case(root, "ids-bad-file-names", status=[1], diag=r"is not a valid id")
    for i, name in enumerate(bad_names):
        c.write(f"events/{name}", event(title=f"Naam {i}"))
    c.done()

    aliases = ["/../../ontsnapt/", "/../ontsnapt.html", "/a/../../../ontsnapt/", "/..%2f..%2fontsnapt/",
               "/.verborgen/", "/.htaccess", "//ontsnapt.example/x/", "/a/./b/", "/x\\..\\..\\y/",
               "/a%00b/", "/" + "d/" * 40, "/" + "n" * 300 + "/"]
    for i, a in enumerate(aliases):
        c = Case(root, f"alias-escape-{i:02d}", status=[1], diag=r"(alias|output path|not a site path)")
        c.write("events/overleg-eerste-lijn.md", EVENT.replace("municipalities: [aalter]",
                                                   "aliases: [" + json.dumps(a) + "]"))
        c.done()

    for i, p in enumerate(["../../ontsnapt", "../ontsnapt", "/tmp/ontsnapt", ".verborgen", "a/b", ".."]):
        c = Case(root, f"paths-escape-{i}", status=[1], diag=r"error")
        c.write("site.yaml", SITE_YAML + f"paths: {{calendar: {json.dumps(p)}}}\n")
        c.done()

    for i, t in enumerate(["../../../ontsnapt", "/etc", "..", "default/../../x"]):
        c = Case(root, f"theme-escape-{i}", status=[1], diag=r"error")
        c.write("site.yaml", SITE_YAML + f"theme: {json.dumps(t)}\n")
        c.done()

    for i, logo in enumerate(["../../geheim.txt", "/etc/hostname", "static/../../geheim.txt", "..",
                              "logo.svg/../../../geheim.txt"]):
        c = Case(root, f"static-path-escape-{i}", status=[1], diag=r"(not a safe path|not a file under static)",
                 secret=SECRET)
        c.outside("geheim.txt", SECRET + "\n")
        c.write("static/logo.svg", "<svg xmlns='http://www.w3.org/2000/svg'/>\n")
        c.write("partners/p.md", f"---\nname: Partner\nlogo: {json.dumps(logo)}\n---\nTekst.\n")
        c.done()

    c = Case(root, "boundaries-escape", status=[1], diag=r"(not a safe path|error)", secret=SECRET)
    c.outside("geheim.geojson", '{"type": "FeatureCollection", "features": [], "x": "' + SECRET + '"}\n')
    c.write("site.yaml", SITE_YAML + 'map: {boundaries: "../geheim.geojson"}\n')
    c.done()

    c = Case(root, "template-recursion", status=[1], diag=r"nested deeper than [0-9]+ levels")
    c.write("templates/page.mustache", "{{>page}}")
    c.done()

    c = Case(root, "template-huge-nesting", status=[1], diag=r"nested deeper than [0-9]+ levels")
    c.write("templates/page.mustache", "{{#a}}" * 10000 + "x" + "{{/a}}" * 10000)
    c.done()

    c = Case(root, "static-deep-tree", status=[1], diag=r"folders nested deeper than [0-9]+ levels")
    c.write("static/" + "d/" * 40 + "diep.txt", "diep\n")
    c.done()

    c = Case(root, "static-dotfiles", status=[0], absent=[".htaccess", ".well-known/.htaccess"],
             built=[".well-known/security.txt"])
    c.write("static/.htaccess", "Redirect / https://elders.example/\n")
    c.write("static/.well-known/security.txt", "Contact: mailto:info@vijandig.example\n")
    c.write("static/.well-known/.htaccess", "Deny from all\n")
    c.done()

    c = Case(root, "ledger-symlink-outside", status=[0, 1], may_change=["site/published-urls.txt"])
    c.outside("ledger-buiten.txt", "")
    c.link("published-urls.txt", "../ledger-buiten.txt")
    c.done()

    # The output folder itself.
    c = Case(root, "out-is-site", status=[1, 2], diag=r"(refusing|not a zonesite output folder)",
             args=["build", "-C", "site", "-o", "site"])
    c.done()
    c = Case(root, "out-contains-site", status=[1, 2], diag=r"(refusing|not a zonesite output folder)",
             args=["build", "-C", "site", "-o", "."])
    c.done()
    c = Case(root, "out-inside-site", status=[0, 1, 2], diag=r"error",
             args=["build", "-C", "site", "-o", "site/events"])
    c.done()
    c = Case(root, "out-foreign-folder", status=[1, 2], diag=r"not a zonesite output folder",
             args=["build", "-C", "site", "-o", "eigen"])
    c.outside("eigen/belangrijk.txt", "niet wissen\n")
    c.done()
    c = Case(root, "out-is-symlink", status=[1, 2], diag=r"(refusing|symbolic link)",
             args=["build", "-C", "site", "-o", "link"])
    c.outside("echt/.zonesite-output", "")
    os.symlink("echt", os.path.join(c.dir, "link"))
    c.done()


def main():
    root = sys.argv[1]
    os.makedirs(root, exist_ok=True)
    deep_and_big(root)
    bytes_and_encodings(root)
    escapes(root)


if __name__ == "__main__":
    main()
