#!/usr/bin/env python3
"""The site's texts: which ones the code uses, and which each language lacks or no longer needs.

    tools/texts.py            report, and fail (exit 1) when a language lacks a text or Text.resx is out of date
    tools/texts.py --write    rewrite Text.resx, the English source, from the code (keeps nothing the code dropped)
    tools/texts.py --missing es [--json]   the English texts Spanish lacks, one per line (or as JSON with where each is used)
    tools/texts.py --merge es file.json    add translations (a JSON object of English text -> Spanish) to Text.es.resx

A text is found where the code asks for it: L["..."] in views and page models, Tr.T("..."), Tr.N(n, "...", "..."),
Tr.Key("...") and Tr.Key(raw string), ErrorMessage = "..." and [Display(Name = "...")] on form fields, {{ "..." | t }} in email templates, and the
date patterns in Formats.cs (Write(x, "...")).
"""
import glob, json, os, re, sys
import xml.etree.ElementTree as ET
from xml.sax.saxutils import escape

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
FOLDER = os.path.join(ROOT, "src", "Workshops.Core", "Localization")
SOURCE = os.path.join(FOLDER, "Text.resx")
SPECIAL = {"@plural-one": "Which counts take the singular (\"one\") form, as a comma-separated list: 1 in English, 0,1 in French."}

LIT = r'"((?:[^"\\\n]|\\.)*)"'
PATTERNS = [
    re.compile(r'\bL\[\s*' + LIT),
    re.compile(r'\bTr\.T\(\s*' + LIT),
    re.compile(r'\bTr\.Key\(\s*' + LIT),
    re.compile(r'\bErrorMessage\s*=\s*' + LIT),
    re.compile(r'\bDisplay\(\s*Name\s*=\s*' + LIT),
]
RAW = re.compile(r'\bTr\.Key\(\s*"""[ \t]*\n(.*?)\n([ \t]*)"""', re.S)
TEMPLATE = re.compile(r'\{\{-?\s*' + LIT + r'\s*\|\s*t(?:_html)?\b')
PLURAL = re.compile(r'\bTr\.N\(')
FORMATS = re.compile(r'\bWrite\([^,()]+,\s*' + LIT)
LITERAL = re.compile(LIT)


def unescape(s):
    out, i = [], 0
    while i < len(s):
        c = s[i]
        if c == "\\" and i + 1 < len(s):
            n = s[i + 1]
            if n == "u":
                out.append(chr(int(s[i + 2:i + 6], 16))); i += 6; continue
            out.append({"n": "\n", "t": "\t", "r": "\r", "0": "\0"}.get(n, n)); i += 2; continue
        out.append(c); i += 1
    return "".join(out)


def dedent(body, indent):
    """A C# raw string literal's value: each line loses the closing quotes' indentation."""
    return "\n".join(line[len(indent):] if line.startswith(indent) else line.lstrip() for line in body.split("\n"))


def used():
    """Every text the code asks for, with the first place that asks."""
    found = {}
    files = glob.glob(os.path.join(ROOT, "src", "**", "*.cs"), recursive=True) + glob.glob(os.path.join(ROOT, "src", "**", "*.cshtml"), recursive=True)
    files += glob.glob(os.path.join(ROOT, "src", "Workshops.Core", "Email", "Templates", "*.*"))
    for path in sorted(files):
        if "/obj/" in path or "/bin/" in path: continue
        text = open(path, encoding="utf-8").read()
        rel = os.path.relpath(path, ROOT)
        def add(s, at):
            if s == "": return  # the opening quotes of a raw string literal, read as an empty one
            line = text.count("\n", 0, at) + 1
            found.setdefault(unescape(s), rel)
        for p in PATTERNS:
            for m in p.finditer(text): add(m.group(1), m.start())
        for m in RAW.finditer(text):
            found.setdefault(dedent(m.group(1), m.group(2)), rel)
        if "/Email/Templates/" in path:
            for m in TEMPLATE.finditer(text): add(m.group(1), m.start())
        for m in PLURAL.finditer(text):
            # The first two literals after Tr.N( are the one and other forms.
            lits = LITERAL.finditer(text, m.end(), min(len(text), m.end() + 2000))
            for _, lm in zip(range(2), lits): add(lm.group(1), lm.start())
        if path.endswith("Formats.cs"):
            for m in FORMATS.finditer(text): add(m.group(1), m.start())
    return found


def read(path):
    texts = {}
    if not os.path.exists(path): return texts
    for data in ET.parse(path).getroot().findall("data"):
        value = data.find("value")
        texts[data.get("name")] = "" if value is None or value.text is None else value.text
    return texts


HEADER = """<?xml version="1.0" encoding="utf-8"?>
<root>
  <resheader name="resmimetype"><value>text/microsoft-resx</value></resheader>
  <resheader name="version"><value>2.0</value></resheader>
  <resheader name="reader"><value>System.Resources.ResXResourceReader, System.Windows.Forms, Version=4.0.0.0, Culture=neutral, PublicKeyToken=b77a5c561934e089</value></resheader>
  <resheader name="writer"><value>System.Resources.ResXResourceWriter, System.Windows.Forms, Version=4.0.0.0, Culture=neutral, PublicKeyToken=b77a5c561934e089</value></resheader>
"""


# A name is an XML attribute, where a raw line break would be read back as a space.
ATTRIBUTE = {'"': "&quot;", "\n": "&#10;", "\r": "&#13;", "\t": "&#9;"}


def write(path, texts, comments=None):
    with open(path, "w", encoding="utf-8") as f:
        f.write(HEADER)
        for key in sorted(texts, key=lambda k: (not k.startswith("@"), k.lower(), k)):
            f.write(f'  <data name="{escape(key, ATTRIBUTE)}" xml:space="preserve">\n')
            f.write(f"    <value>{escape(texts[key])}</value>\n")
            if comments and comments.get(key): f.write(f"    <comment>{escape(comments[key])}</comment>\n")
            f.write("  </data>\n")
        f.write("</root>\n")


def languages():
    for path in sorted(glob.glob(os.path.join(FOLDER, "Text.*.resx"))):
        yield os.path.basename(path)[len("Text."):-len(".resx")], path


PLACEHOLDER = re.compile(r"\{(\d+)(?:[,:][^}]*)?\}")


def main(args):
    code = used()
    if args[:1] == ["--write"]:
        texts = {k: k.split("|", 1)[-1] for k in code}
        texts.update({k: "1" for k in SPECIAL})
        write(SOURCE, texts, {**{k: v for k, v in code.items()}, **SPECIAL})
        print(f"Text.resx: {len(texts)} texts")
        return 0
    if args[:1] == ["--missing"]:
        have = read(os.path.join(FOLDER, f"Text.{args[1]}.resx"))
        missing = [k for k in sorted(set(code) | set(SPECIAL)) if k not in have or not have[k].strip()]
        if "--json" in args:
            print(json.dumps({k: code.get(k, SPECIAL.get(k, "")) for k in missing}, ensure_ascii=False, indent=1))
        else:
            for k in missing: print(k)
        return 0
    if args[:1] == ["--merge"]:
        # tools/texts.py --merge es translations.json: a JSON object of English text -> translation, added to Text.es.resx.
        path = os.path.join(FOLDER, f"Text.{args[1]}.resx")
        have = read(path)
        new = json.load(open(args[2], encoding="utf-8"))
        unknown = [k for k in new if k not in code and k not in SPECIAL]
        have.update({k: v for k, v in new.items() if k not in unknown and v.strip()})
        write(path, have)
        print(f"Text.{args[1]}.resx: {len(have)} texts; {len(unknown)} ignored (not used by the code): {unknown[:5]}")
        return 0
    failed = False
    source = read(SOURCE)
    stale = sorted(set(code) - set(source))
    if stale:
        failed = True
        print(f"Text.resx lacks {len(stale)} texts the code uses: run tools/texts.py --write. First ones:")
        for k in stale[:10]: print(f"  {code[k]}: {k!r}")
    wanted = set(code) | set(SPECIAL)
    lower = {}
    for k in wanted: lower.setdefault(k.lower(), []).append(k)
    clash = sorted(v for group in lower.values() if len(group) > 1 for v in group)
    if clash:
        failed = True
        print(f"texts that differ only in case, which resource names cannot tell apart (give one a context, 'status|{clash[0]}'): {clash[:10]}")
    for lang, path in languages():
        have = read(path)
        missing = sorted(k for k in wanted if not have.get(k, "").strip())
        unused = sorted(k for k in have if k not in wanted)
        broken = sorted(k for k in wanted & set(have) if have[k].strip() and k not in SPECIAL
                        and sorted(set(PLACEHOLDER.findall(k))) != sorted(set(PLACEHOLDER.findall(have[k]))))
        print(f"{lang}: {len(wanted) - len(missing)} of {len(wanted)} texts, {len(missing)} missing, {len(unused)} unused, {len(broken)} with other placeholders")
        for k in missing[:15]: print(f"  missing  {code.get(k, 'special')}: {k!r}")
        if len(missing) > 15: print(f"  … and {len(missing) - 15} more (tools/texts.py --missing {lang})")
        for k in unused[:10]: print(f"  unused   {k!r}")
        for k in broken: print(f"  placeholders differ  {k!r} -> {have[k]!r}")
        failed |= bool(missing or broken)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
