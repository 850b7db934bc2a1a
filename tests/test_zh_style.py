"""The Chinese prose checks catch what they are named for, and leave code alone."""

import zh_style


def test_hard_wrap_between_chinese_characters_is_found():
    assert zh_style.hard_wraps("第一行中文\n接着写\n") == ["第一行中文⏎接着写"]


def test_hard_wraps_hidden_behind_emphasis_links_and_quotes_are_found():
    for start in ("**加粗**继续", "[链接](a.md)继续", "“引号”继续", "*斜体*继续"):
        assert zh_style.hard_wraps(f"上一行中文\n{start}\n"), start
    assert zh_style.hard_wraps("结尾是“引号”\n下一行\n")


def test_new_blocks_and_code_are_not_wraps():
    text = "一段话。\n- 列表项\n\n```text\n代码\n中文\n```\n## 标题\n1. 第一\n"
    assert zh_style.hard_wraps(text) == []
    assert zh_style.hard_wraps("中文\n`code` 后\n") == []  # a line starting with code


def test_padded_emphasis_is_found_only_between_chinese():
    assert zh_style.padded_emphasis("线程是 **协作式** 的") == ["是 **协", "式** 的"]
    assert zh_style.padded_emphasis("在 *fork* 下") == []  # CJK-Latin spacing is fine
    assert zh_style.padded_emphasis("线程是**协作式**的") == []
    assert zh_style.padded_emphasis("uses **bold** here") == []


def test_straight_quotes_around_chinese_are_found():
    assert zh_style.straight_quotes('他说"丢失更新"了') == ['"丢失更新"']
    assert zh_style.straight_quotes('参数 `name="工作"` 和 “正确”') == []


def test_avoided_variants_are_named_with_the_term():
    avoid = {"丢更新": "丢失更新", "工作者": "工作进程"}
    assert zh_style.avoided_terms("这里丢更新了", avoid) == ["丢更新 → 丢失更新"]
    assert zh_style.avoided_terms("`工作者` 在代码里不算", avoid) == []


def test_latin_variants_match_whole_words_only():
    avoid = {"socket": "套接字", "future": "Future 对象"}
    assert zh_style.avoided_terms("读 socket 或文件", avoid) == ["socket → 套接字"]
    assert zh_style.avoided_terms("返回一个 future。", avoid) == ["future → Future 对象"]
    assert zh_style.avoided_terms("[concurrent.futures] 与 sockets", avoid) == []
    assert zh_style.avoided_terms("`socket.socket` 与 `future`", avoid) == []
    assert (
        zh_style.avoided_terms('!!! note "题"\n    执行过 `from socket import socket`', avoid) == []
    )


def test_quoted_titles_of_tabs_and_admonitions_are_syntax():
    assert zh_style.straight_quotes('!!! note "关于原始笔记"\n=== "源代码"\n') == []
