#!/usr/bin/env python3
"""Makes countries.json from the npm package i18n-iso-countries (MIT, see LICENSE-i18n-iso-countries.txt).

    npm pack i18n-iso-countries && tar xzf i18n-iso-countries-*.tgz && python3 make-countries.py package

Each country: its ISO 3166-1 alpha-2 and alpha-3 codes, its name in the site's languages, and every other name
it goes by in those and a few neighbouring languages, so free text typed before the picker existed can be mapped.
"""
import json, sys

SHOWN = ["en", "es", "fr", "pt"]
ALIASES = SHOWN + ["de", "it", "nl", "ca", "gl", "sv", "da", "pl"]
# The short, usual name where the package lists the official one first.
ENGLISH = {"CN": "China", "CI": "Côte d'Ivoire", "CZ": "Czechia", "GM": "The Gambia", "IR": "Iran", "MK": "North Macedonia",
           "PS": "Palestine", "PN": "Pitcairn Islands", "RU": "Russia", "TW": "Taiwan", "TZ": "Tanzania", "US": "United States"}

package = sys.argv[1]
codes = json.load(open(f"{package}/codes.json"))
langs = {l: json.load(open(f"{package}/langs/{l}.json"))["countries"] for l in ALIASES}
out = []
for alpha2, alpha3, _, _ in codes:
    def names(lang):
        value = langs[lang].get(alpha2)
        return [] if value is None else value if isinstance(value, list) else [value]
    shown = {l: (ENGLISH.get(alpha2) if l == "en" and alpha2 in ENGLISH else names(l)[0]) for l in SHOWN}
    aliases = sorted({n for l in ALIASES for n in names(l)} - set(shown.values()))
    out.append({"code": alpha2, "alpha3": alpha3, "names": shown, "aliases": aliases})
json.dump(sorted(out, key=lambda c: c["code"]), open("countries.json", "w"), ensure_ascii=False, indent=0)
