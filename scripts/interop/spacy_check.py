"""spaCy side of the interop check (run by run.py in target/interop/venv/spacy).

Arguments: expected.json, and a JSON object {article: path of its spaCy JSONL export}.
For every span: `Doc.char_span` on a blank English tokenizer, strict first and with
alignment_mode="expand" when the span's edges fall inside a token (CJK without spaces, emoji next
to letters); the spans go into a SpanGroup, the Doc through a DocBin round trip, and a span counts
as right when the span read back from the round-tripped Doc has the expected label and its
characters (doc.text[start_char:end_char]) equal the expected text. Prints one JSON line:
{"right", "total", "expanded"}.
"""

import json
import sys

import spacy
from spacy.tokens import DocBin

expected = json.load(open(sys.argv[1], encoding="utf-8"))
files = json.loads(sys.argv[2])
nlp = spacy.blank("en")
right = total = expanded = 0
for key, doc_expected in expected.items():
    want = [(a["label"], a["text"]) for a in doc_expected["annotations"]]
    total += len(want)
    with open(files[key], encoding="utf-8", newline="") as f:
        record = json.loads(f.readline())
    doc = nlp.make_doc(record["text"])
    spans = []
    for s in record["spans"]:
        span = doc.char_span(s["start"], s["end"], label=s["label"])
        if span is None:
            span = doc.char_span(s["start"], s["end"], label=s["label"], alignment_mode="expand")
            expanded += 1
        if span is None:
            print(f"{key}: no span for {s}", file=sys.stderr)
            continue
        spans.append((span, s["start"], s["end"]))
    doc.spans["claims"] = [sp for sp, _, _ in spans]
    # the exact character offsets travel in user_data (a SpanGroup keeps token boundaries)
    doc.user_data["claim_chars"] = [[a, b] for _, a, b in spans]
    data = DocBin(docs=[doc], store_user_data=True).to_bytes()
    back = next(DocBin(store_user_data=True).from_bytes(data).get_docs(nlp.vocab))
    got = []
    for span, (a, b) in zip(back.spans["claims"], back.user_data["claim_chars"]):
        if (span.start_char, span.end_char) == (a, b):
            got.append((span.label_, span.text))  # token-aligned: the span itself
        elif span.start_char <= a and b <= span.end_char:
            got.append((span.label_, back.text[a:b]))  # expanded: the characters it was given
        else:
            got.append((span.label_, span.text))
    pool = list(got)
    n = 0
    for w in want:
        if w in pool:
            pool.remove(w)
            n += 1
    print(f"{key}: {n}/{len(want)}", file=sys.stderr)
    right += n
print(json.dumps({"right": right, "total": total, "expanded": expanded}))
