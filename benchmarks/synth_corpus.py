"""A generator of large synthetic corpora for the build benchmarks.

New articles are recombined from the sentences of ``data/raw`` (their content
sentences, in order, from one to three source articles), with every person's
name, every province and every military-region number substituted from lists:
names are drawn from a pool (so the same person recurs across articles, as in
real news), provinces from the administrative-units dataset.

Run: ``python benchmarks/synth_corpus.py N OUT_DIR [--seed S]``.
"""

from __future__ import annotations

import argparse
import random
import re
from pathlib import Path

from qpgraph.corpus import extract_corpus
from qpgraph.extract.gazetteer import load_gazetteer
from qpgraph.ingest import iter_articles, prepare
from qpgraph.records import Article

ROOT = Path(__file__).resolve().parents[1]
FAMILY = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Phan", "Vũ", "Võ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô", "Dương", "Lý"]
MIDDLE = ["Văn", "Hữu", "Đức", "Minh", "Quốc", "Thanh", "Ngọc", "Xuân", "Hồng", "Đình", "Trọng", "Anh"]
GIVEN = ["An", "Bình", "Cường", "Dũng", "Giang", "Hải", "Hòa", "Khoa", "Long", "Nam", "Phong", "Quân", "Sơn",
         "Thắng", "Trung", "Tuấn", "Việt", "Vinh", "Hưng", "Lâm", "Đạt", "Hiếu", "Khánh", "Tài"]
REGION = re.compile(r"(Quân khu|QK)\s*(\d+|[IVX]+)\b")


def _sources() -> list[tuple[Article, list[str], list[str], list[str]]]:
    """Each article of data/raw: its content sentences, person names and provinces."""
    records = {r.article.id: r for r in extract_corpus([ROOT / "data" / "raw"]).records}
    out = []
    for article in iter_articles([ROOT / "data" / "raw"]):
        assert isinstance(article, Article)
        document = prepare(article)
        rec = records[article.id]
        names = sorted({m.text for p in rec.persons for m in p.mentions if len(m.text.split()) >= 2}, key=lambda s: (-len(s), s))
        provinces = sorted({f for p in rec.provinces for f in p.forms}, key=lambda s: (-len(s), s))
        out.append((article, [s.text for s in document.sentences], names, provinces))
    return out


def generate(n: int, out: Path, seed: int = 7) -> list[Path]:
    rnd = random.Random(seed)
    sources = _sources()
    provinces = sorted(load_gazetteer().provinces)
    pool = sorted({f"{rnd.choice(FAMILY)} {rnd.choice(MIDDLE)} {rnd.choice(GIVEN)}" for _ in range(max(50, n))})
    out.mkdir(parents=True, exist_ok=True)
    written = []
    for i in range(n):
        picks = rnd.sample(sources, rnd.randint(1, 3))
        sentences: list[str] = []
        for _article, sents, names, provs in picks:
            people = {name: rnd.choice(pool) for name in names}
            places = {p: rnd.choice(provinces) for p in provs}
            region = str(rnd.randint(1, 9))
            start = rnd.randint(0, max(0, len(sents) - 8))
            for sentence in sents[start : start + rnd.randint(6, 14)]:
                for old, new in people.items():
                    sentence = sentence.replace(old, new)
                for old, new in places.items():
                    sentence = re.sub(rf"\b{re.escape(old)}\b", new, sentence)
                sentences.append(REGION.sub(lambda m, region=region: f"{m.group(1)} {region}", sentence))
        published = f"{rnd.randint(2022, 2026)}-{rnd.randint(1, 12):02d}-{rnd.randint(1, 28):02d}"
        path = out / f"syn-{i:06d}.txt"
        path.write_text(f"---\npublished: {published}\n---\n" + "\n".join(sentences) + "\n", encoding="utf-8")
        written.append(path)
    return written


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("n", type=int)
    parser.add_argument("out", type=Path)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    files = generate(args.n, args.out, args.seed)
    print(f"{len(files)} articles, {sum(f.stat().st_size for f in files):,} bytes in {args.out}")


if __name__ == "__main__":
    main()
