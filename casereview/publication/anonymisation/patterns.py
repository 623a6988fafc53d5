"""Regular-expression helpers that keep the whole-text scans linear and fast."""

import re


def alternation(words):
    """A regex alternation of `words` as a trie ('s(?:on|ister)' for 'son', 'sister'): Python's engine tries
    each branch of a flat alternation at every position, a trie only the branches that share a prefix.
    Longer words still win over their prefixes, as with a longest-first flat alternation."""
    trie = {}
    for word in set(words):
        node = trie
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}
    return _pattern(trie)


def _pattern(node):
    ends_here = "" in node
    branches = [re.escape(char) + _pattern(child) for char, child in sorted(node.items()) if char]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    if ends_here:
        return "(?:" + body + ")?"
    return body
