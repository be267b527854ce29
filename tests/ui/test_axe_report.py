"""How the browser tests report what axe found: where, and for a contrast rule how far apart."""

from tests.ui.test_accessibility import _node


def test_a_link_told_from_its_text_by_colour_alone_is_reported_with_the_ratio_measured():
    # link-in-text-block measures the link's colour against the text around it and names neither colour.
    node = {
        "target": [".breadcrumbs > a"],
        "any": [
            {
                "id": "link-in-text-block",
                "data": {"messageKey": "fgContrast", "contrastRatio": 1.42, "requiredContrastRatio": 3},
            }
        ],
    }

    assert _node(node) == ".breadcrumbs > a (1.42:1)"


def test_a_contrast_violation_is_reported_with_its_colours():
    node = {
        "target": ["#site-name a"],
        "any": [{"id": "color-contrast", "data": {"fgColor": "#ffffcc", "bgColor": "#417690", "contrastRatio": 4.6}}],
    }

    assert _node(node) == "#site-name a (#ffffcc on #417690: 4.6:1)"
