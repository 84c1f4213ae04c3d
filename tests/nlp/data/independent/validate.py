import json, re, collections, itertools
import os
OUT = os.path.dirname(os.path.abspath(__file__))
KINDS = {"self_harm","abuse","neglect","violence","sexual","restraint","exploitation"}
TYPES = {"PERSON","PHONE","EMAIL","ADDRESS","POSTCODE","DATE_OF_BIRTH","ID_NUMBER"}
texts = {}
for split in ("dev","sealed"):
    for task in ("safeguarding","pii"):
        p = f"{OUT}/{split}/{task}.jsonl"; c = collections.Counter(); seen=set()
        for i, line in enumerate(open(p, encoding="utf-8"), 1):
            r = json.loads(line)
            key = "kinds" if task=="safeguarding" else "pii"
            assert set(r) == {"lang","text",key}, (p,i,r)
            assert r["lang"] in ("en","de") and r["text"].strip(), (p,i)
            assert r["text"] not in seen, ("dup", p, i); seen.add(r["text"])
            texts.setdefault((split,task), []).append(r["text"])
            if task=="safeguarding":
                assert isinstance(r["kinds"], list) and set(r["kinds"]) <= KINDS and len(set(r["kinds"]))==len(r["kinds"]), (p,i)
                c[(r["lang"], "disclosure" if r["kinds"] else "none")] += 1
                for k in r["kinds"]: c[(r["lang"], k)] += 1
            else:
                pos = 0
                for t, frag in r["pii"]:
                    assert t in TYPES, (p,i,t)
                    j = r["text"].find(frag, pos); assert j >= 0, (p,i,frag); pos = j + len(frag)
                    c[(r["lang"], t)] += 1
                c[(r["lang"], "with_pii" if r["pii"] else "no_pii")] += 1
        print(p.replace(OUT+"/",""))
        for lang in ("en","de"):
            print("  ", lang, dict(sorted((k[1],v) for k,v in c.items() if k[0]==lang)))
# dev/sealed overlap check: exact + token Jaccard
def toks(s): return set(re.findall(r"\w+", s.lower()))
for task in ("safeguarding","pii"):
    a, b = texts[("dev",task)], texts[("sealed",task)]
    assert not set(a) & set(b)
    worst = max(((len(toks(x)&toks(y))/len(toks(x)|toks(y)), x, y) for x in a for y in b))
    print(task, "max dev/sealed jaccard %.2f" % worst[0], "|", worst[1][:60], "|", worst[2][:60])
    hi = [(j,x,y) for x in a for y in b for j in [len(toks(x)&toks(y))/len(toks(x)|toks(y))] if j > 0.5]
    for h in hi: print("  HIGH", h)
