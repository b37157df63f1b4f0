"""Messages in the run's language: a diagnostic is a catalogue key and its parameters, worded
only when it is printed (Chinese by default, English with ``--lang en``).

A key is a diagnostic code, or ``code.variant`` for a second wording of the same code; its entry
in ``messages.CATALOGUE`` gives a (message, hint) template per language, filled with
``str.format``. A parameter is plain text (a file name, an ID, a value the user wrote), a number,
a ``Phrase`` (a piece of wording of its own, from ``messages.PHRASES``) or a ``Listing`` of those,
so a message never carries a sentence already worded in one language.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Literal, Union

Lang = Literal["zh", "en"]
LANGS: tuple[Lang, ...] = ("zh", "en")

Arg = Union[str, int, "Phrase", "Listing", "Message"]
Args = tuple[tuple[str, Arg], ...]


def worded(value: Arg, lang: Lang) -> str:
    """A parameter as printed in lang."""
    if isinstance(value, str):
        return value
    if isinstance(value, int):
        return str(value)
    if isinstance(value, Message):  # another diagnostic's message, quoted by this one
        return value.worded(lang)[0]
    return value.render(lang)


def _fill(template: str, args: Args, lang: Lang) -> str:
    return template.format(**{name: worded(value, lang) for name, value in args}) if template else ""


@dataclass(frozen=True)
class Phrase:
    """A piece of wording inside a message (``did you mean 'en'?``, ``第4章（QC-4）``)."""

    key: str
    args: Args = ()

    def render(self, lang: Lang) -> str:
        from .messages import PHRASES

        return _fill(PHRASES[self.key][lang], self.args, lang)


@dataclass(frozen=True)
class Listing:
    """Several values joined the language's way (、 or ', ')."""

    items: tuple[Arg, ...]
    separator: str = "list-sep"  # a phrase key: list-sep, sep, arrow

    def render(self, lang: Lang) -> str:
        return Phrase(self.separator).render(lang).join(worded(item, lang) for item in self.items)


@dataclass(frozen=True)
class Message:
    """What a diagnostic says, not yet worded."""

    key: str
    args: Args = ()

    @property
    def code(self) -> str:
        return self.key.split(".", 1)[0]

    def worded(self, lang: Lang) -> tuple[str, str]:
        """(message, hint) in lang."""
        from .messages import CATALOGUE

        message, hint = CATALOGUE[self.key][lang]
        return _fill(message, self.args, lang), _fill(hint, self.args, lang)

    def but(self, **args: Arg) -> Message:
        """This message with some parameters replaced."""
        return Message(self.key, tuple((name, args.get(name, value)) for name, value in self.args)
                       + tuple((name, value) for name, value in args.items() if name not in dict(self.args)))

    def values(self) -> Iterable[str]:
        """The plain-text parameters (IDs, names, values as the user wrote them), for matching."""
        return (value for _, value in self.args if isinstance(value, str))

    def as_data(self) -> dict[str, object]:
        """JSON-ready form (the build record replays it in any language)."""
        return {"key": self.key, "args": {name: _data(value) for name, value in self.args}}

    @classmethod
    def from_data(cls, data: Mapping[str, object]) -> Message:
        args = data["args"]
        assert isinstance(args, dict)
        return cls(str(data["key"]), tuple((str(name), _undata(value)) for name, value in args.items()))


def lang_of(argv: list[str]) -> Lang:
    """The language a command line asks for (--lang en or --lang=en), for what is said before or
    without its parsing (an internal error)."""
    pairs = zip(argv, [*argv[1:], ""], strict=True)
    return "en" if any(a == "--lang=en" or (a == "--lang" and b == "en") for a, b in pairs) else "zh"


def msg(key: str, /, **args: Arg | Iterable[Arg]) -> Message:
    """A message; a list or tuple parameter becomes a Listing."""
    return Message(key, _args(args))


def phrase(key: str, /, **args: Arg | Iterable[Arg]) -> Phrase:
    return Phrase(key, _args(args))


def listing(items: Iterable[Arg], separator: str = "list-sep") -> Listing:
    return Listing(tuple(items), separator)


def _args(args: Mapping[str, Arg | Iterable[Arg]]) -> Args:
    return tuple((name, value if isinstance(value, (str, int, Phrase, Listing, Message)) else listing(value))
                 for name, value in args.items())


def _data(value: Arg) -> object:
    if isinstance(value, Phrase):
        return {"phrase": value.key, "args": {name: _data(v) for name, v in value.args}}
    if isinstance(value, Listing):
        return {"list": [_data(v) for v in value.items], "separator": value.separator}
    if isinstance(value, Message):
        return {"message": value.as_data()}
    return value


def _undata(value: object) -> Arg:
    if isinstance(value, (str, int)):
        return value
    assert isinstance(value, dict)
    if "message" in value:
        return Message.from_data(value["message"])
    if "phrase" in value:
        return Phrase(str(value["phrase"]), tuple((str(k), _undata(v)) for k, v in value["args"].items()))
    return Listing(tuple(_undata(v) for v in value["list"]), str(value["separator"]))
