"""The signer block: signing-authority markers and the titles of those who sign.

Decree 30 writes the authority as `TM.` (on behalf of a collective body), `KT.` (signing for
the head), `Q.` (acting), `TL.` (by order of), `TUQ.` (by authorisation); Guidance 36 (Party)
writes `T/M`, `K/T`, `T/L`. Real text also writes `T.M.`, `Kt.` and forgets the dot.
"""

from __future__ import annotations

from extractors.vocab import Phrase, alternation

AUTHORITY_MARKERS = (
    Phrase(r"tuq\.?", "by authorisation of", "TUQ."),
    Phrase(r"tm\.", "on behalf of (a collective body)", "TM."),
    Phrase(r"t/m|t\.m\.?", "on behalf of (Party style)", "T/M"),
    Phrase(r"kt\.", "signing for (the head)", "KT."),
    Phrase(r"k/t|k\.t\.?", "signing for (Party style)", "K/T"),
    Phrase(r"tl\.", "by order of", "TL."),
    Phrase(r"t/l|t\.l\.?", "by order of (Party style)", "T/L"),
    Phrase(r"q\.", "acting", "Q."),
)
"""Authority markers, `name` their written form; as they open a signer line."""
AUTHORITY = alternation(AUTHORITY_MARKERS)
AUTHORITY_BARE = r"(?:tuq|tm|kt|tl|q|t/m|k/t|t/l|t\.m|k\.t|t\.l)"
"""The markers without their dot, as metadata reads them off a tidied line."""
BARE_NAMES = {"tm": "TM.", "kt": "KT.", "q": "Q.", "tl": "TL.", "tuq": "TUQ.", "t/m": "T/M", "k/t": "K/T",
              "t/l": "T/L", "t.m": "T/M", "k.t": "K/T", "t.l": "T/L"}
"""A bare marker (as `AUTHORITY_BARE` matches it) → its written form."""
BLOCK_START = r"t/m\b|tm\.|kt\.|k/t\b|tl\.|t/l\b|tuq\.|q\.\s"
"""A marker opening a line, as the line-wrapping repair sees it (a signer line starts a block)."""

SIGNER_TITLES = (
    Phrase(r"chủ\s+tịch", "chair(man)"),
    Phrase(r"bí\s+thư", "(Party) secretary"),
    Phrase(r"trưởng\s+ban\s+chỉ\s+đạo", "head of the steering committee"),
    Phrase(r"trưởng\s+ban", "head of the board"),
    Phrase(r"trưởng\s+phòng", "head of division"),
    Phrase(r"giám\s+đốc", "director"),
    Phrase(r"chánh\s+văn\s+phòng", "chief of office"),
    Phrase(r"ủy\s+viên", "member"),
    Phrase(r"thường\s+trực", "standing (member)"),
    Phrase(r"chủ\s+nhiệm", "chairman (of a commission)"),
    Phrase(r"trưởng", "head"),
)
"""Titles a signer line may start with (after an optional `phó`, deputy)."""
DEPUTY = Phrase(r"phó", "deputy")
SIGNER_TITLE = rf"(?:{DEPUTY.pattern}\s+)?" + alternation(SIGNER_TITLES)


def title_wordings() -> list[str]:
    """Every title as it is written (lower case, one space between words), with and without
    `phó`: the known titles an OCR line that lost its tone marks may be mapped back to."""
    titles = [p.pattern.replace(r"\s+", " ") for p in SIGNER_TITLES]
    return titles + [f"{DEPUTY.pattern} {title}" for title in titles]
