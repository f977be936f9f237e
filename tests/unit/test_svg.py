"""SVG images under content/: parsed with entities off, refused when they would run or call out."""

from pathlib import Path

import pytest

from casebook.content.corpus import File, Kind
from casebook.rules.files import check_svg

HEAD = '<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink">'
HOSTILE = {
    "internal entity": (
        '<?xml version="1.0"?><!DOCTYPE svg [<!ENTITY x "javascript:alert(1)">]>'
        f'{HEAD}<a href="&x;"><text>x</text></a></svg>',
        "entity",
    ),
    "tab in scheme": (
        f'{HEAD}<a href="java&#x09;script:alert(1)"><text>x</text></a></svg>',
        "script",
    ),
    "xlink scheme": (
        f'{HEAD}<a xlink:href=" JavaScript:alert(1)"><text>x</text></a></svg>',
        "script",
    ),
    "set to javascript": (
        f'{HEAD}<a><set attributeName="href" to="javascript:alert(1)"/><text>x</text></a></svg>',
        "script",
    ),
    "animate href": (
        f'{HEAD}<a><animate attributeName="xlink:href" values="https://evil.example/"/></a></svg>',
        "animation",
    ),
    "set a handler": (f'{HEAD}<set attributeName="onmouseover" to="alert(1)"/></svg>', "animation"),
    "onload": (HEAD.replace("<svg", '<svg onload="alert(1)"') + "</svg>", "onload"),
    "script": (f"{HEAD}<script>alert(1)</script></svg>", "<script>"),
    "cdata script": (f"{HEAD}<script><![CDATA[alert(1)]]></script></svg>", "<script>"),
    "foreignObject": (f"{HEAD}<foreignObject><p>x</p></foreignObject></svg>", "foreignobject"),
    "import": (f"{HEAD}<style>@import url(https://evil.example/x.css);</style></svg>", "imports"),
    "import string": (
        f"{HEAD}<style>@import 'https://evil.example/x.css';</style></svg>",
        "imports",
    ),
    "url in style": (
        f"{HEAD}<style>rect {{ fill: url('https://evil.example/p.svg#a') }}</style></svg>",
        "loads",
    ),
    "url in attribute": (f'{HEAD}<rect fill="url(//evil.example/p.svg#a)"/></svg>', "loads"),
    "url in style attribute": (
        f'{HEAD}<rect style="background:url(https://evil.example/x.png)"/></svg>',
        "loads",
    ),
    "external image": (f'{HEAD}<image href="https://evil.example/x.png"/></svg>', "link"),
    "external use": (f'{HEAD}<use xlink:href="//evil.example/s.svg#a"/></svg>', "link"),
    "stylesheet instruction": (
        f'<?xml-stylesheet href="https://evil.example/x.css"?>{HEAD}</svg>',
        "stylesheet",
    ),
    "svg data image": (
        f'{HEAD}<image href="data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+"/></svg>',
        "script",
    ),
}
PLAIN = {
    "drawing": f'{HEAD}<rect x="1" y="1" width="8" height="8" fill="#08c"/></svg>',
    "fragment link": f'{HEAD}<defs><g id="a"/></defs><use href="#a"/><rect fill="url(#g)"/></svg>',
    "embedded png": f'{HEAD}<image href="data:image/png;base64,iVBORw0KGgo="/></svg>',
    "title and text": f"{HEAD}<title>A dot</title><text>javascript is a word here</text></svg>",
}


def svg_file(tmp_path: Path, text: str) -> File:
    path = tmp_path / "images" / "drawing.svg"
    path.parent.mkdir(exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return File(path, "images/drawing.svg", "content/images/drawing.svg", Kind.IMAGE)


@pytest.mark.parametrize("name", HOSTILE)
def test_a_hostile_svg_is_refused_saying_what_it_holds(tmp_path, name):
    text, word = HOSTILE[name]
    [problem] = check_svg(svg_file(tmp_path, text))
    assert problem.is_error and word in problem.message, problem.message
    assert "export it again as a plain drawing" in problem.message


@pytest.mark.parametrize("name", PLAIN)
def test_a_plain_drawing_passes(tmp_path, name):
    assert check_svg(svg_file(tmp_path, PLAIN[name])) == []


def test_a_billion_laughs_svg_is_refused_without_expanding_it(tmp_path):
    entities = "".join(f'<!ENTITY l{i} "{f"&l{i - 1};" * 10 if i else "lol"}">' for i in range(10))
    text = f'<?xml version="1.0"?><!DOCTYPE svg [{entities}]>{HEAD}<text>&l9;</text></svg>'
    [problem] = check_svg(svg_file(tmp_path, text))
    assert "entity" in problem.message
