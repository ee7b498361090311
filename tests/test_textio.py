"""Decoding documents: UTF-8, BOM, UTF-16, GB18030; binary and broken input fail in one line."""

from __future__ import annotations

from pathlib import Path

import pytest

from glossary.textio import InputError, decode, iter_blocks, read_text

TEXT = "推进“五化”工程，完善“3+2+1”配套。\n第二行：规上企业。\n"


@pytest.mark.parametrize(
    "data",
    [
        TEXT.encode("utf-8"),
        b"\xef\xbb\xbf" + TEXT.encode("utf-8"),
        TEXT.encode("utf-16"),
        TEXT.encode("gb18030"),
        TEXT.encode("gbk"),
    ],
    ids=["utf-8", "utf-8-bom", "utf-16", "gb18030", "gbk"],
)
def test_encodings_read_the_same(tmp_path: Path, data: bytes) -> None:
    path = tmp_path / "doc.txt"
    path.write_bytes(data)
    assert read_text(path) == TEXT
    assert "".join(iter_blocks(path, size=7)) == TEXT


@pytest.mark.parametrize(
    ("data", "words"),
    [
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary file"),
        ("第一行\n第二行".encode() + b"\xff\xfe\xfd" + b"\n", "not UTF-8 or GB18030"),
    ],
)
def test_bad_input_is_one_clear_error(tmp_path: Path, data: bytes, words: str) -> None:
    path = tmp_path / "bad.txt"
    path.write_bytes(data)
    with pytest.raises(InputError, match=words) as info:
        read_text(path)
    assert str(info.value).startswith(str(path))


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="No such file"):
        read_text(tmp_path / "nope.txt")


def test_blocks_end_at_line_breaks(tmp_path: Path) -> None:
    path = tmp_path / "long.txt"
    path.write_text(TEXT * 500, encoding="gb18030")
    blocks = list(iter_blocks(path, size=1000))
    assert len(blocks) > 5
    assert all(b.endswith("\n") for b in blocks)
    assert "".join(blocks) == TEXT * 500


def test_directories_skip_software_and_loops(tmp_path: Path) -> None:
    from glossary.textio import documents_in

    for folder in ("a", "a/b", ".git", "venv1", "conda1/conda-meta", "env", "node_modules",
                   "__pycache__"):  # fmt: skip
        (tmp_path / folder).mkdir(parents=True)
    (tmp_path / "venv1" / "pyvenv.cfg").write_text("home = /usr\n")
    for name in ("a/x.txt", "a/b/y.md", "a/b/z.pdf", ".git/h.txt", "venv1/v.txt", "conda1/c.txt",
                 "node_modules/n.md", "__pycache__/c.txt", "a/.hidden.txt"):  # fmt: skip
        (tmp_path / name).write_text("推进“五化”\n", encoding="utf-8")
    (tmp_path / "a" / "b" / "loop").symlink_to(tmp_path)  # a symlink loop
    # a folder of reports called env is read: an environment is known by its contents
    (tmp_path / "env" / "report.txt").write_text("推进“五化”\n", encoding="utf-8")
    found = [Path(p).relative_to(tmp_path).as_posix() for p in documents_in(tmp_path)]
    assert found == ["a/b/y.md", "a/x.txt", "env/report.txt"]
    only_txt = documents_in(tmp_path, globs=("*.txt",))
    assert [Path(p).name for p in only_txt] == ["x.txt", "report.txt"]
    assert documents_in(tmp_path, exclude=("a/b/*", "env/*")) == [str(tmp_path / "a" / "x.txt")]


def test_a_whole_decode_names_a_text_cut_inside_a_character() -> None:
    with pytest.raises(InputError, match=r"up\.txt:1: ends inside a character"):
        decode("推进“五化”".encode()[:-1], "up.txt")
