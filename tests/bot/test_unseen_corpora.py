"""The unseen sets written blind for issue 15 stay as written, and stay
usable: their digests are pinned (an edit would make them a tuning set), and
every line has the fields the figures need. No rule is run on them here:
they are run once, when the work they measure is done
(tests/data/triage/README.md, tests/data/personal_details/README.md)."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest

DATA = Path(__file__).resolve().parent.parent / "data"

SEALED = {
    "triage/unseen_2026_11_a.jsonl": (
        "28f26826590393afdc9f00d6aed197cbc1d55b0d2694bda09420b3dc40935684"
    ),
    "triage/unseen_2026_11_b.jsonl": (
        "7dacc2174c0b6399b3b214f282fad6b850938af6286504d7be0d8f529d243fcc"
    ),
    "triage/unseen_2026_11_30_a.jsonl": (
        "0069f5bba14e48f1244ffa084509c1cad85d1a836712f3fcd157d5e85325eee3"
    ),
    "triage/unseen_2026_11_30_b.jsonl": (
        "3e515dd54994081baa8ef8d41981fb0f265c36fec3955fdc21e51e1e9102eccd"
    ),
    "personal_details/unseen_2026_11.jsonl": (
        "57da83fcffe8dccf0161b239eddc5f4e6533c5a4ca58ad1870ad3e53c322be9b"
    ),
    "personal_details/unseen_2026_11_30_a.jsonl": (
        "7ef7abf6ff844eab474d881e2609a981f4383c14be57ca9b738f1e8320a16de2"
    ),
    "personal_details/unseen_2026_11_30_b.jsonl": (
        "e2dc1c08e6913776c19f13f699df88add38a5851a700d90b4e5fcb4ff793de26"
    ),
    "personal_details/unseen_2026_11_30_c.jsonl": (
        "cd512cca14cb6da878a93493c04827a2d3d5377755d81b6e9d47dd989c93273a"
    ),
    "triage/unseen_2026_11_30_c.jsonl": (
        "e8ec916a8a93eb10e4ae27ed9eb06733de3177770ea3357693aae6f0f903874b"
    ),
    "triage/unseen_2026_11_30_d.jsonl": (
        "b77186e3aeaf1b07eb8002aa212da5fb0e2d6cced8c6afcb7b4958536a930aae"
    ),
    "personal_details/unseen_2026_11_30_d.jsonl": (
        "9bcbbb24ba97c543e2211d30a4f774d55e632881c3049711b6d800c6e8978f5b"
    ),
    "personal_details/unseen_2026_11_30_e.jsonl": (
        "a80d1df95ab1ea925d2e98a00e6309631b8b445f08943b6d8f3783582813714e"
    ),
    "triage/unseen_2026_11_30_e.jsonl": (
        "d99be8c46ec4bf43981ea718fa660b50569ee604657f3c88f6f1eca63c2d0c5a"
    ),
    "triage/unseen_2026_11_30_f.jsonl": (
        "101b875453261f615b8362a99ea52604659d8ddebb12794ff6ce4d58c1d4e1cf"
    ),
    "personal_details/unseen_2026_11_30_f.jsonl": (
        "15ae8c01789a6871e7e8ab6b00acb942e625fdac66687a3833f030293fdb2e76"
    ),
    "personal_details/unseen_2026_11_30_g.jsonl": (
        "bdbdbed4767afca862120603f331607e233840a62281ef41367dda7addf7a3b3"
    ),
    # the fifth set, sealed 2026-11-30 before the fifth round was merged
    "triage/unseen_2026_11_30_g.jsonl": (
        "158ef7e5324881c7aa05482919a08b3753324f4d08486df19048fb026e7ea53a"
    ),
    "triage/unseen_2026_11_30_h.jsonl": (
        "d12fa5ec8634b7e95d9a79d2696579d9dc5cda536605785488d5356639603bd5"
    ),
    "personal_details/unseen_2026_11_30_h.jsonl": (
        "09414520484a9148b6e71d1667fe0edd8ce57a538f198b3bee1cf20cf8258145"
    ),
    "personal_details/unseen_2026_11_30_i.jsonl": (
        "4bbf62854d95d10fecb5b07e4f91b360b8cbdc903fe7d20212a3116ec984025b"
    ),
    # the sixth set, sealed 2026-11-30 after the fifth was run, before any
    # later change was merged
    "triage/unseen_2026_11_30_i.jsonl": (
        "318570b806761e6d8da138a1ac42185cb6d32f187aed76df634cf819cdf07211"
    ),
    "triage/unseen_2026_11_30_j.jsonl": (
        "f02f2727becd824f60cfa3f44bc794a8fbe89b3da60b8b5a6a610c587572219a"
    ),
    "personal_details/unseen_2026_11_30_j.jsonl": (
        "f9f37ac6c9ff118b161c40828669a1fa9da84a4d38ffc98886af73fef05dc2e6"
    ),
    "personal_details/unseen_2026_11_30_k.jsonl": (
        "0d3cabf4745131ceb7e6f89f5e007b3bf29d09fc470dfb1451dfe49a426198a5"
    ),
    # the seventh set, sealed 2026-11-30 after the sixth was run, before any
    # later change was merged
    "triage/unseen_2026_11_30_k.jsonl": (
        "1bcba56d37c2ca54025137a2e1c7e9aed3f9b4da53933f592aa0a617496dadb1"
    ),
    "triage/unseen_2026_11_30_l.jsonl": (
        "fa176d180b574a6128bb17ce8f512f5f5227250f7dceb336ce4044318e92ff20"
    ),
    "personal_details/unseen_2026_11_30_l.jsonl": (
        "87fdfdff46f318b8f94f3181860d3a245a76d4056f2b515e7a8ac5862505eca6"
    ),
    "personal_details/unseen_2026_11_30_m.jsonl": (
        "a25e0f76387904d4e089740b57461f7c42da0d4c76504ef69161adb9e874dd42"
    ),
    # the eighth set, sealed 2026-11-30 after the seventh was run, before any
    # later change was merged
    "triage/unseen_2026_11_30_m.jsonl": (
        "863a0aee3496300360df8a38fa892239a9542a0f6402e594d1a0a63f03c002d9"
    ),
    "triage/unseen_2026_11_30_n.jsonl": (
        "e96b1927a9bc25d3150da0192771d3c37bd384c4606c3f9d3defca8ed3dffeb9"
    ),
    "personal_details/unseen_2026_11_30_n.jsonl": (
        "dce7f6b87fc4b20ea3cacdfbab39f51ba11f1aa81d959adf154c2d4536de76d3"
    ),
    "personal_details/unseen_2026_11_30_o.jsonl": (
        "166077c60d7bf9b2bf9f09bfbe81dccdcc45499a765690ac02bc490bdcd34de2"
    ),
    # the ninth set, sealed 2026-11-30 after the eighth was run, before any
    # later change was merged
    "triage/unseen_2026_11_30_o.jsonl": (
        "3c792abd5b8019fc71761d1651e1a6998dad37bfc909a6eafd143342d13ac406"
    ),
    "triage/unseen_2026_11_30_p.jsonl": (
        "ac197dcbbfc4a578db20c0f5906c1aa23e82d67a321dc2742e29df4a70516aea"
    ),
    "personal_details/unseen_2026_11_30_p.jsonl": (
        "9d9670d65641e513c51a60c4ff0d5f6ba66059e898b608194374d612e693b325"
    ),
    "personal_details/unseen_2026_11_30_q.jsonl": (
        "1d5a43b6da38d32e823838712c96dfadd9fc13fd7b24c7c6379afde2ccfcb88a"
    ),
    # the tenth set, sealed 2026-11-30 after the ninth was run, before any
    # later change was merged
    "triage/unseen_2026_11_30_q.jsonl": (
        "25ac175596421e2a5f22a5bf5cab5ab25ba532c7ab338592affb62ef5ce38be1"
    ),
    "triage/unseen_2026_11_30_r.jsonl": (
        "8bc84474ed7e7a8f0dc4bc656981d5dcebd8b9f06d68ed1726d45c6f58e571de"
    ),
    "personal_details/unseen_2026_11_30_r.jsonl": (
        "3bb33ea1978a61a4fbd842257a134add9c287368fabd12a9ac82698f93cbcbd6"
    ),
    "personal_details/unseen_2026_11_30_s.jsonl": (
        "29134a64727a55a1edc2a85519e4ae3853b9a090f340e37d851e167e37463e38"
    ),
    # the eleventh set, sealed 2026-11-30 after the tenth was run, before any
    # later change was merged
    "triage/unseen_2026_11_30_s.jsonl": (
        "556db161c8c5c39c19b31370b33ca92ac0b14ea567e40f1560173d4c4c4ca1a2"
    ),
    "triage/unseen_2026_11_30_t.jsonl": (
        "701080e767013eb47d646170c3ddb18dbcfc3fbeadbd418e00d663350e8c11f2"
    ),
    "personal_details/unseen_2026_11_30_t.jsonl": (
        "33f18af8f5ed32e972d80642bf63a438da800bfd7fee9401740a1b64c2c28734"
    ),
    "personal_details/unseen_2026_11_30_u.jsonl": (
        "f94718fbae41e319877267d9c63365f12fef6131d499896fedc14e697ed6da41"
    ),
    # the twelfth set, sealed 2026-11-30 after the eleventh was run, before
    # any later change was merged
    "triage/unseen_2026_11_30_u.jsonl": (
        "053a511e2b15fef2e807807838d76ae8b6564156163b8eb4249aac7a47d51537"
    ),
    "triage/unseen_2026_11_30_v.jsonl": (
        "7d07c15168e9d4dd7be7b5095faa89880865f8d76243fce41bffaa828d48b535"
    ),
    "personal_details/unseen_2026_11_30_v.jsonl": (
        "8037462fb75abeb8e120bb436d06a8c701f83ddde11072d04c2d05e0ee66d072"
    ),
    "personal_details/unseen_2026_11_30_w.jsonl": (
        "7762089487e2c741d4a19778626abad7a0316af5152ea6a7ba9d7042ea12a958"
    ),
    # the thirteenth set, sealed 2026-12-01 after the twelfth was written and
    # before round 14 was merged (the twelfth still sealed, run once after it)
    "triage/unseen_2026_12_01_a.jsonl": (
        "db9e009c126f44444cd76b82485dac936f2ff379148915b5c8eb58dae6c2779c"
    ),
    "triage/unseen_2026_12_01_b.jsonl": (
        "2d21f117a56985a0e9f1159b7aaaf90fa22c2941ba69e9fb337c567a8eee9d90"
    ),
    "personal_details/unseen_2026_12_01_a.jsonl": (
        "f2f0064eb988d7a2b7c5cf5f8e424c1d8f29821c38e593882c657792a5afcf65"
    ),
    "personal_details/unseen_2026_12_01_b.jsonl": (
        "06e6cb2c2de65b779ddea1891282ce376df5a8bb5f0815b008b2dd86cfba2cbb"
    ),
    # the fourteenth set, sealed 2026-12-01 while round 15 was being built and
    # before any of it was merged (the thirteenth still sealed, run once first)
    "triage/unseen_2026_12_01_c.jsonl": (
        "52906e4dbdc676cd1432b4d0d4d9bd46f93017d16a577431d63ac2a58a0b9c94"
    ),
    "triage/unseen_2026_12_01_d.jsonl": (
        "c7ab239cd595bed6cd8d574ae318a0ac1f77810c54d3176e47a1b853bd922c2d"
    ),
    "personal_details/unseen_2026_12_01_c.jsonl": (
        "db12cb7b5bf35055b686a4fa46e7f805209ebdda22105c6c8309c27f39f8da14"
    ),
    "personal_details/unseen_2026_12_01_d.jsonl": (
        "fb71ec8257fa54646e1425aeb84a692dc712fdf5e390e6b5c257aa201ee944dd"
    ),
    # the fifteenth set, sealed 2026-12-01 while round 16 was being built and
    # before any of it was merged (the fourteenth still sealed, run once first)
    "triage/unseen_2026_12_01_e.jsonl": (
        "7dee19b6f528ec3a3af6c6c998faecaf2a6d475adc331024a6146289ca49638a"
    ),
    "triage/unseen_2026_12_01_f.jsonl": (
        "2f196e4f196a7e79fa8baa523e718c2fb1ddeba4c58ed53d3fb581a446c1140a"
    ),
    "personal_details/unseen_2026_12_01_e.jsonl": (
        "05b71d426008657d8eeff2b4ac5e285b61c3fe7a17a1f57b21adea2e245148ed"
    ),
    "personal_details/unseen_2026_12_01_f.jsonl": (
        "dd0c842712f73ea4c00c967212a37c035f258ca95da11aa30a8f6ed1e265514b"
    ),
    # the sixteenth set, sealed 2026-12-01 while round 17 was being built and
    # before any of it was merged (the fifteenth still sealed, run once first)
    "triage/unseen_2026_12_01_g.jsonl": (
        "f6d9c9c5beb35707a5885a45c2dff6e6d11ce83fcc9aa24cac3c407d93115af7"
    ),
    "triage/unseen_2026_12_01_h.jsonl": (
        "675d3966d52f83f7f213b76d957a318c698c2b1f77d7720187451c73162630f4"
    ),
    "personal_details/unseen_2026_12_01_g.jsonl": (
        "053d36a4ec2920ed750b7729961c8bdb208ca1e133e3bba6e178680f5f1f6f2f"
    ),
    "personal_details/unseen_2026_12_01_h.jsonl": (
        "c7a0c45ec3a4abccfd50a58c0ae417241e55c3c236d5b472cd6e12439a8d2779"
    ),
    # the seventeenth set, sealed 2026-12-02 while round 18 was being built and
    # before any of it was merged (the sixteenth still sealed, run once first)
    "triage/unseen_2026_12_02_a.jsonl": (
        "01ee33816350d532f63e2a7379c791fec9a98b93835e32c699b9e4342baaee28"
    ),
    "triage/unseen_2026_12_02_b.jsonl": (
        "2de46ba8b452f7a52b062020969098b4fd687a57c92f84f3ac763265c4062a89"
    ),
    "personal_details/unseen_2026_12_02_a.jsonl": (
        "fe6bbfd5deba2db1709ab4cf08dd233bcde733d55cc25f200445416e6765be20"
    ),
    "personal_details/unseen_2026_12_02_b.jsonl": (
        "74fd93f878d974589d9d942ef46a277ee8a83e68e331b001ea3ffdb7b83e970e"
    ),
    "personal_details/blind_probe_round18.jsonl": (
        "bd1026cec8d65db09309dcf1bdeb9a4addb966887ce364c0c09dd7f7d135fd01"
    ),
    # the eighteenth set, sealed 2026-12-02 while round 19's helpers were
    # working and before any of it was merged (the seventeenth still sealed,
    # run once first)
    "triage/unseen_2026_12_02_c.jsonl": (
        "91e17450a1d13d5ecf4b66cdd87ea73baa212bc136b04cc685185141a5675589"
    ),
    "triage/unseen_2026_12_02_d.jsonl": (
        "06325357faddadbab5dc2931b3bc9f19f2197c76725467b4fa574b96509b9697"
    ),
    "personal_details/unseen_2026_12_02_c.jsonl": (
        "6e4dd06fedd683d0bad42aa3cd7b218782bd17ff09417ffbc00d89a88291c9d8"
    ),
    "personal_details/unseen_2026_12_02_d.jsonl": (
        "12e9cc2dc68b8fe7d9288a6e7dfb210df1d77cdc627411523c63a7fd2ed9190a"
    ),
    # the nineteenth set, sealed 2026-12-02 while round 20's helpers were
    # working and before any of their work was merged (the eighteenth still
    # sealed, run once first)
    "triage/unseen_2026_12_02_e.jsonl": (
        "cdc3df47619f69463021da06b7ef619d21a1308fc33c10d55321e325162839d3"
    ),
    "triage/unseen_2026_12_02_f.jsonl": (
        "9280c56cb92ab5993ee2c64ec8f366a34b1ee5adbdae15208692a24c8c629328"
    ),
    "personal_details/unseen_2026_12_02_e.jsonl": (
        "fa89fb66f8293b22397202fa6d53998ca4b41f3c4e364a93c531b5e687144d62"
    ),
    "personal_details/unseen_2026_12_02_f.jsonl": (
        "576847af1985ae79df5335bfac02f747ac09f08bf7341b3cdba39b8bc8eb65c3"
    ),
}


@pytest.mark.parametrize("name", sorted(SEALED))
def test_the_unseen_sets_are_as_written(name: str) -> None:
    assert hashlib.sha256((DATA / name).read_bytes()).hexdigest() == SEALED[name]


TRIAGE_SETS = [
    ("triage/unseen_2026_11_a.jsonl", "triage/unseen_2026_11_b.jsonl"),
    ("triage/unseen_2026_11_30_a.jsonl", "triage/unseen_2026_11_30_b.jsonl"),
    ("triage/unseen_2026_11_30_c.jsonl", "triage/unseen_2026_11_30_d.jsonl"),
    ("triage/unseen_2026_11_30_e.jsonl", "triage/unseen_2026_11_30_f.jsonl"),
    ("triage/unseen_2026_11_30_g.jsonl", "triage/unseen_2026_11_30_h.jsonl"),
    ("triage/unseen_2026_11_30_i.jsonl", "triage/unseen_2026_11_30_j.jsonl"),
    ("triage/unseen_2026_11_30_k.jsonl", "triage/unseen_2026_11_30_l.jsonl"),
    ("triage/unseen_2026_11_30_m.jsonl", "triage/unseen_2026_11_30_n.jsonl"),
    ("triage/unseen_2026_11_30_o.jsonl", "triage/unseen_2026_11_30_p.jsonl"),
    ("triage/unseen_2026_11_30_q.jsonl", "triage/unseen_2026_11_30_r.jsonl"),
    ("triage/unseen_2026_11_30_s.jsonl", "triage/unseen_2026_11_30_t.jsonl"),
    ("triage/unseen_2026_11_30_u.jsonl", "triage/unseen_2026_11_30_v.jsonl"),
    ("triage/unseen_2026_12_01_a.jsonl", "triage/unseen_2026_12_01_b.jsonl"),
    ("triage/unseen_2026_12_01_c.jsonl", "triage/unseen_2026_12_01_d.jsonl"),
    ("triage/unseen_2026_12_01_e.jsonl", "triage/unseen_2026_12_01_f.jsonl"),
    ("triage/unseen_2026_12_01_g.jsonl", "triage/unseen_2026_12_01_h.jsonl"),
    ("triage/unseen_2026_12_02_a.jsonl", "triage/unseen_2026_12_02_b.jsonl"),
    ("triage/unseen_2026_12_02_c.jsonl", "triage/unseen_2026_12_02_d.jsonl"),
    ("triage/unseen_2026_12_02_e.jsonl", "triage/unseen_2026_12_02_f.jsonl"),
]


@pytest.mark.parametrize("names", TRIAGE_SETS)
def test_the_triage_set_has_its_labels_and_enough_urgent_messages(
    names: tuple[str, str],
) -> None:
    rows = [
        json.loads(line)
        for name in names
        for line in (DATA / name).read_text(encoding="utf-8").splitlines()
    ]
    assert all(isinstance(r["text"], str) and isinstance(r["urgent"], bool) for r in rows)
    assert len(rows) >= 400 and sum(r["urgent"] for r in rows) >= 150
    assert len({r["id"] for r in rows}) == len(rows)


REDACTION_SETS = [
    ("personal_details/unseen_2026_11.jsonl",),
    (
        "personal_details/unseen_2026_11_30_a.jsonl",
        "personal_details/unseen_2026_11_30_b.jsonl",
        "personal_details/unseen_2026_11_30_c.jsonl",
    ),
    (
        "personal_details/unseen_2026_11_30_d.jsonl",
        "personal_details/unseen_2026_11_30_e.jsonl",
    ),
    (
        "personal_details/unseen_2026_11_30_f.jsonl",
        "personal_details/unseen_2026_11_30_g.jsonl",
    ),
    (
        "personal_details/unseen_2026_11_30_h.jsonl",
        "personal_details/unseen_2026_11_30_i.jsonl",
    ),
    (
        "personal_details/unseen_2026_11_30_j.jsonl",
        "personal_details/unseen_2026_11_30_k.jsonl",
    ),
    (
        "personal_details/unseen_2026_11_30_l.jsonl",
        "personal_details/unseen_2026_11_30_m.jsonl",
    ),
    (
        "personal_details/unseen_2026_11_30_n.jsonl",
        "personal_details/unseen_2026_11_30_o.jsonl",
    ),
    (
        "personal_details/unseen_2026_11_30_p.jsonl",
        "personal_details/unseen_2026_11_30_q.jsonl",
    ),
    (
        "personal_details/unseen_2026_11_30_r.jsonl",
        "personal_details/unseen_2026_11_30_s.jsonl",
    ),
    (
        "personal_details/unseen_2026_11_30_t.jsonl",
        "personal_details/unseen_2026_11_30_u.jsonl",
    ),
    (
        "personal_details/unseen_2026_11_30_v.jsonl",
        "personal_details/unseen_2026_11_30_w.jsonl",
    ),
    (
        "personal_details/unseen_2026_12_01_a.jsonl",
        "personal_details/unseen_2026_12_01_b.jsonl",
    ),
    (
        "personal_details/unseen_2026_12_01_c.jsonl",
        "personal_details/unseen_2026_12_01_d.jsonl",
    ),
    (
        "personal_details/unseen_2026_12_01_e.jsonl",
        "personal_details/unseen_2026_12_01_f.jsonl",
    ),
    (
        "personal_details/unseen_2026_12_01_g.jsonl",
        "personal_details/unseen_2026_12_01_h.jsonl",
    ),
    (
        "personal_details/unseen_2026_12_02_a.jsonl",
        "personal_details/unseen_2026_12_02_b.jsonl",
    ),
    (
        "personal_details/unseen_2026_12_02_c.jsonl",
        "personal_details/unseen_2026_12_02_d.jsonl",
    ),
    (
        "personal_details/unseen_2026_12_02_e.jsonl",
        "personal_details/unseen_2026_12_02_f.jsonl",
    ),
]


@pytest.mark.parametrize("names", REDACTION_SETS)
def test_every_redaction_label_is_in_its_question(names: tuple[str, ...]) -> None:
    rows = [
        json.loads(line)
        for name in names
        for line in (DATA / name).read_text(encoding="utf-8").splitlines()
    ]
    assert len(rows) >= 300 and len({r["id"] for r in rows}) == len(rows)
    for row in rows:
        assert all(d["text"] in row["text"] for d in row["details"]), row["id"]
        assert all(k in row["text"] for k in row["keep"]), row["id"]
